package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;
import org.junit.jupiter.api.Test;

class PersonUpdateSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<PersonUpdate> serde = PersonUpdateSerde.create();

    private static List<PersonUpdate> updates() {
        return List.of(
                new PersonUpdate("P1", PersonLedger.callKey("I1", true),
                        PersonActivity.call(true, TEN, 1.25, Set.of(SafeguardingTheme.values()[0]), "AREA-1")),
                new PersonUpdate("P2", PersonLedger.crimeKey("C1"),
                        PersonActivity.crime(TEN.plusNanos(7), Set.of(CrimeRole.SUSPECT, CrimeRole.OFFENDER), "HOME-1")),
                new PersonUpdate("P3", PersonLedger.custodyKey("K1"), PersonActivity.custody(TEN, TEN.plusSeconds(7200), null)),
                new PersonUpdate("P4", PersonLedger.callKey("I2", false), null));
    }

    @Test
    void roundTripsSetsAndWithdrawalsOfEveryKind() {
        for (PersonUpdate update : updates()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", update))).isEqualTo(update);
        }
    }

    @Test
    void readsUpdatesWrittenAsJsonByEarlierVersions() {
        for (PersonUpdate update : updates()) {
            byte[] older = JsonSerde.of(PersonUpdate.class).serializer().serialize("t", update);

            assertThat(serde.deserializer().deserialize("app-fsu-people-repartition", older)).isEqualTo(update);
        }
    }

    @Test
    void refusesBytesThatAreNotAnUpdateWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", updates().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
