package org.bluelight.schemas.serde;

/**
 * The Confluent wire format: magic byte 0, the schema id as 4 bytes big-endian, then the Avro
 * binary encoding of the record. Subjects follow Confluent's TopicNameStrategy.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** {@code <topic>-key} or {@code <topic>-value}. */
    public static String subject(String topic, boolean key) {
        return topic + (key ? "-key" : "-value");
    }
}
