package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class PositionSerdeTest {

    private final Serde<Inbound.PositionUpdate> serde = PositionSerde.create();

    @Test
    void roundTripsAPositionToTheNanosecondIn29Bytes() {
        Inbound.PositionUpdate move = new Inbound.PositionUpdate(new GeoPoint(52.6369, -1.1398),
                Instant.parse("2024-05-01T10:00:00.123456789Z"));
        byte[] bytes = serde.serializer().serialize("t", move);

        assertThat(bytes).hasSize(29);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(move);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void refusesBytesThatAreNotAPositionWithASerializationException() {
        byte[] bytes = serde.serializer().serialize("t", new Inbound.PositionUpdate(new GeoPoint(52.6, -1.1), Instant.EPOCH));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, 28)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"lat\":1}".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
