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
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class GroupInputSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private static final ResponseSample SAMPLE = new ResponseSample("I1", "G1", 1, TEN, TEN.plusSeconds(540).plusNanos(3));
    private final Serde<GroupInput> serde = GroupInputSerde.create();

    private static List<GroupInput> inputs() {
        return List.of(
                GroupInput.status("O1", OfficerState.EN_ROUTE, TEN),
                GroupInput.sample(SAMPLE),
                GroupInput.sample(SAMPLE, "first-arrivals-2", 1_714_557_600_000L),
                GroupInput.sample(SAMPLE, "first-arrivals-0", null));
    }

    @Test
    void roundTripsStatusChangesAndSamples() {
        for (GroupInput input : inputs()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", input))).isEqualTo(input);
        }
    }

    @Test
    void readsInputsWrittenAsJsonByEarlierVersions() {
        for (GroupInput input : inputs()) {
            byte[] older = JsonSerde.of(GroupInput.class).serializer().serialize("t", input);

            assertThat(serde.deserializer().deserialize("app-response-groups-repartition", older)).isEqualTo(input);
        }
        // As written before samples carried their source, with instants as text.
        byte[] withoutSource = ("{\"sample\":null,\"officerId\":\"O1\",\"state\":\"AVAILABLE\",\"changedAt\":\"2024-05-01T10:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", withoutSource)).isEqualTo(GroupInput.status("O1", OfficerState.AVAILABLE, TEN));
    }

    @Test
    void refusesBytesThatAreNotAGroupInputWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", inputs().get(2));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
