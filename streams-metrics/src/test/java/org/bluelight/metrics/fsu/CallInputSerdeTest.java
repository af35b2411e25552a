package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.SafeguardingTheme;
import org.junit.jupiter.api.Test;

class CallInputSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<CallInput> serde = CallInputSerde.create();

    private static List<CallInput> inputs() {
        return List.of(
                CallInput.facts(new CallRecord.Facts("I1", TEN, "P1", List.of("P2", "P3"), false, true,
                        EnumSet.allOf(SafeguardingTheme.class), "AREA-1")),
                CallInput.facts(new CallRecord.Facts("I2", TEN.plusNanos(5), null, List.of(), true, false,
                        EnumSet.noneOf(SafeguardingTheme.class), null)),
                CallInput.resource(new ResourceEvent("I1", "O1", true, TEN)),
                CallInput.resource(new ResourceEvent("I1", "O1", false, TEN.plusSeconds(600))));
    }

    @Test
    void roundTripsFactsAndResourceEvents() {
        for (CallInput input : inputs()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", input))).isEqualTo(input);
        }
    }

    @Test
    void readsInputsWrittenAsJsonByEarlierVersions() {
        for (CallInput input : inputs()) {
            byte[] older = JsonSerde.of(CallInput.class).serializer().serialize("t", input);

            assertThat(serde.deserializer().deserialize("app-fsu-calls-repartition", older)).isEqualTo(input);
        }
    }

    @Test
    void refusesBytesThatAreNotACallInputWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", inputs().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 1, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f}))
                .isInstanceOf(SerializationException.class);
    }
}
