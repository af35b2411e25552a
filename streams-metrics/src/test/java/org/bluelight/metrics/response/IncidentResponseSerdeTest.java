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

class IncidentResponseSerdeTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<IncidentResponse> serde = IncidentResponseSerde.create();

    private static List<IncidentResponse> responses() {
        return List.of(
                IncidentResponse.unseen(),
                new IncidentResponse(TEN, 1, "RAD1", false, null, false),
                new IncidentResponse(null, null, null, false, TEN.plusNanos(9), false),
                new IncidentResponse(TEN, 2, "RAD1", true, TEN.plusSeconds(600), true));
    }

    @Test
    void roundTripsEveryStage() {
        for (IncidentResponse response : responses()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", response))).isEqualTo(response);
        }
    }

    @Test
    void readsResponsesStoredAsJsonByEarlierVersions() {
        for (IncidentResponse response : responses()) {
            byte[] older = JsonSerde.of(IncidentResponse.class).serializer().serialize("t", response);

            assertThat(serde.deserializer().deserialize("store-changelog", older)).isEqualTo(response);
        }
        byte[] isoText = ("{\"reportedAt\":\"2024-05-01T10:00:00Z\",\"grade\":1,\"dispatchGroup\":\"RAD1\",\"cancelled\":false,"
                + "\"firstArrivalAt\":null,\"measured\":false}").getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", isoText)).isEqualTo(responses().get(1));
    }

    @Test
    void refusesBytesThatAreNotAResponseWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", responses().get(3));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 2)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
