package org.bluelight.dispatch.stream;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.routing.GeoPoint;

/**
 * A unit's position and when it was measured ({@link Inbound.PositionUpdate}), as the telematics task
 * stores it and sends it on to the officer table: its version, {@value #VERSION}, latitude, longitude,
 * epoch second and nanosecond, 29 bytes. The telematics path reads or writes one for each fix.
 */
final class PositionSerde {

    private static final byte VERSION = 1;
    private static final int SIZE = 1 + 8 + 8 + 8 + 4;

    private PositionSerde() {
    }

    static Serde<Inbound.PositionUpdate> create() {
        Serializer<Inbound.PositionUpdate> serializer = (topic, update) -> update == null ? null : ByteBuffer.allocate(SIZE)
                .put(VERSION).putDouble(update.position().lat()).putDouble(update.position().lon())
                .putLong(update.at().getEpochSecond()).putInt(update.at().getNano()).array();
        Deserializer<Inbound.PositionUpdate> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != SIZE || bytes[0] != VERSION) {
                throw new SerializationException("not a unit's position on " + topic + ": " + bytes.length + " bytes");
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, SIZE - 1);
            GeoPoint position = new GeoPoint(in.getDouble(), in.getDouble());
            return new Inbound.PositionUpdate(position, Instant.ofEpochSecond(in.getLong(), in.getInt()));
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
