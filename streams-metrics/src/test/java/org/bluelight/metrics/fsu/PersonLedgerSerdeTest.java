package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;
import org.junit.jupiter.api.Test;

class PersonLedgerSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<PersonLedger> serde = PersonLedgerSerde.create();

    private static PersonLedger everyKind() {
        return PersonLedger.empty()
                .with(PersonLedger.callKey("I1", true), PersonActivity.call(true, TEN, 1.25,
                        Set.of(SafeguardingTheme.values()[0]), "AREA-1"))
                .with(PersonLedger.callKey("I2", false), PersonActivity.call(false, TEN.plusNanos(7), 0.5, Set.of(), null))
                .with(PersonLedger.crimeKey("C1"), PersonActivity.crime(TEN.minusSeconds(3600),
                        Set.of(CrimeRole.SUSPECT, CrimeRole.OFFENDER), "HOME-1"))
                .with(PersonLedger.custodyKey("K1"), PersonActivity.custody(TEN, TEN.plusSeconds(7200), null))
                .with(PersonLedger.custodyKey("K2"), PersonActivity.custody(TEN, null, "HOME-2"));
    }

    @Test
    void roundTripsALedgerWithEveryKindOfActivity() {
        PersonLedger ledger = everyKind();

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", ledger))).isEqualTo(ledger);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", PersonLedger.empty())))
                .isEqualTo(PersonLedger.empty());
    }

    @Test
    void readsLedgersStoredAsJsonByEarlierVersions() {
        byte[] older = JsonSerde.of(PersonLedger.class).serializer().serialize("t", everyKind());

        assertThat(serde.deserializer().deserialize("store-changelog", older)).isEqualTo(everyKind());
    }

    @Test
    void isSmallerThanTheJson() {
        byte[] json = JsonSerde.of(PersonLedger.class).serializer().serialize("t", everyKind());

        assertThat(serde.serializer().serialize("t", everyKind())).hasSizeLessThan(json.length);
    }

    @Test
    void refusesBytesThatAreNotALedgerWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", everyKind());

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
