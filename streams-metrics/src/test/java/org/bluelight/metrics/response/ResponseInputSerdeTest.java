package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.junit.jupiter.api.Test;

class ResponseInputSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<ResponseInput> serde = ResponseInputSerde.create();

    private static List<ResponseInput> inputs() {
        return List.of(
                new ResponseInput("I1", TEN, 2, "G1", false, null, "cad.incidents-0"),
                new ResponseInput("I2", TEN.plusNanos(1), 1, null, true, null, null),
                ResponseInput.arrival("I1", TEN.plusSeconds(300)).from("officer.status-1"),
                ResponseInput.arrival("I3", TEN));
    }

    @Test
    void roundTripsIncidentsAndArrivals() {
        for (ResponseInput input : inputs()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", input))).isEqualTo(input);
        }
    }

    @Test
    void readsInputsWrittenAsJsonByEarlierVersions() {
        for (ResponseInput input : inputs()) {
            byte[] older = JsonSerde.of(ResponseInput.class).serializer().serialize("t", input);

            assertThat(serde.deserializer().deserialize("app-response-inputs-repartition", older)).isEqualTo(input);
        }
        // As written before inputs carried their source, with instants as text.
        byte[] withoutSource = "{\"incidentId\":\"I1\",\"reportedAt\":null,\"grade\":null,\"dispatchGroup\":null,\"cancelled\":false,\"arrivedAt\":\"2024-05-01T10:05:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", withoutSource)).isEqualTo(ResponseInput.arrival("I1", TEN.plusSeconds(300)));
    }

    @Test
    void refusesBytesThatAreNotAResponseInputWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", inputs().get(0));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
