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
import org.junit.jupiter.api.Test;

class OccurrenceVersionSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<OccurrenceVersion> serde = OccurrenceVersionSerde.create();

    private static List<OccurrenceVersion> versions() {
        return List.of(
                new OccurrenceVersion(false, "I1", "I1", new Contribution(List.of("HS2", "HS1"), LocalDate.of(2024, 5, 1),
                        Set.of(Outcome.ALL_CRIME, Outcome.VIOLENT_CRIME)), TEN),
                new OccurrenceVersion(true, "C1", null, new Contribution(List.of(), LocalDate.of(2024, 4, 30), Set.of()), TEN.plusNanos(1)),
                new OccurrenceVersion(true, "C2", "I1", null, TEN),
                new OccurrenceVersion(true, "C3", "I1", null, TEN).from("crime.records-3"));
    }

    @Test
    void roundTripsIncidentsAndCrimesWithAndWithoutAContribution() {
        for (OccurrenceVersion version : versions()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", version))).isEqualTo(version);
        }
    }

    @Test
    void readsVersionsWrittenAsJsonByEarlierVersions() {
        for (OccurrenceVersion version : versions()) {
            byte[] older = JsonSerde.of(OccurrenceVersion.class).serializer().serialize("t", version);

            assertThat(serde.deserializer().deserialize("app-trial-occurrences-repartition", older)).isEqualTo(version);
        }
    }

    @Test
    void readsVersionOneWrittenBeforeTheInputPartitionWasKept() {
        for (OccurrenceVersion version : versions().subList(0, 3)) {
            byte[] written = serde.serializer().serialize("t", version);
            // Version 1 is version 2 without the partition: its absence is the last byte.
            byte[] older = Arrays.copyOf(written, written.length - 1);
            older[0] = 1;

            assertThat(serde.deserializer().deserialize("app-trial-occurrences-repartition", older)).isEqualTo(version);
        }
    }

    @Test
    void refusesBytesThatAreNotAVersionWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", versions().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 2)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
