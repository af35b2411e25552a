package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.junit.jupiter.api.Test;

class OfficerSignalSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<OfficerEngagement.Signal> serde = OfficerSignalSerde.create();

    private static List<OfficerEngagement.Signal> signals() {
        return List.of(
                new OfficerEngagement.Signal("O1", "I1", TEN, OfficerEngagement.Signal.Kind.STATUS, null),
                new OfficerEngagement.Signal("O1", null, TEN.plusNanos(3), OfficerEngagement.Signal.Kind.STATUS, "I1"),
                new OfficerEngagement.Signal("O2", "I2", TEN, OfficerEngagement.Signal.Kind.ASSIGNED, null),
                new OfficerEngagement.Signal("O2", "I2", TEN, OfficerEngagement.Signal.Kind.STOOD_DOWN, null));
    }

    @Test
    void roundTripsStatusesAssignmentsAndStandDowns() {
        for (OfficerEngagement.Signal signal : signals()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", signal))).isEqualTo(signal);
        }
    }

    @Test
    void readsSignalsWrittenAsJsonByEarlierVersions() {
        for (OfficerEngagement.Signal signal : signals()) {
            byte[] older = JsonSerde.of(OfficerEngagement.Signal.class).serializer().serialize("t", signal);

            assertThat(serde.deserializer().deserialize("app-fsu-officer-signals-repartition", older)).isEqualTo(signal);
        }
    }

    @Test
    void refusesBytesThatAreNotASignalWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", signals().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 2)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
