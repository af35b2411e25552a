package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;

class HotSpotDayChangeSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);
    private final Serde<HotSpotDayChange> serde = HotSpotDayChangeSerde.create();

    private static List<HotSpotDayChange> changes() {
        return List.of(
                HotSpotDayChange.counts("HS1", DAY, Set.of(Outcome.ALL_CRIME, Outcome.KNIFE_ENABLED), -1, TEN),
                HotSpotDayChange.dosage("HS1", DAY, 12.5, 1, TEN.plusNanos(2)),
                HotSpotDayChange.allocation("HS2", DAY.minusDays(3), TrialArm.CONTROL, Instant.EPOCH));
    }

    @Test
    void roundTripsCountsDosageAndArms() {
        for (HotSpotDayChange change : changes()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", change))).isEqualTo(change);
        }
    }

    @Test
    void readsChangesWrittenAsJsonByEarlierVersions() {
        for (HotSpotDayChange change : changes()) {
            byte[] older = JsonSerde.of(HotSpotDayChange.class).serializer().serialize("t", change);

            assertThat(serde.deserializer().deserialize("app-hotspot-day-changes-repartition", older)).isEqualTo(change);
        }
    }

    @Test
    void refusesBytesThatAreNotAChangeWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", changes().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 2)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
