package org.bluelight.schemas.serde;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that could not be written or read in the Confluent Avro wire format: why, and where
 * (topic, key or value, and partition and offset when known). A dead-letter handler can put
 * {@link #reason()} in a header.
 */
public class AvroSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Why a record could not be serialized or deserialized. */
    public enum Reason {
        /** Fewer bytes than the 5-byte header, or the Avro body ends early. */
        TRUNCATED,
        /** First byte is not the Confluent magic byte 0. */
        WRONG_MAGIC_BYTE,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The Avro body does not decode with its writer schema, or has bytes left over. */
        MALFORMED_PAYLOAD,
        /** The writer's schema cannot be read as the reader's, or the registry refused a schema. */
        INCOMPATIBLE_SCHEMA,
        /** Auto-registration is off and the schema is not registered under the subject. */
        SCHEMA_NOT_REGISTERED,
        /** The record cannot be encoded with its own schema (a null in a required field, say). */
        INVALID_RECORD,
        /** The registry could not be reached or failed; the record itself may be fine. */
        REGISTRY_UNAVAILABLE
    }

    private final Reason reason;
    private final String detail;
    private final String topic;
    private final boolean key;
    private final int partition;
    private final long offset;

    public AvroSerdeException(Reason reason, String topic, boolean key, String detail, Throwable cause) {
        this(reason, topic, key, -1, -1L, detail, cause);
    }

    private AvroSerdeException(Reason reason, String topic, boolean key, int partition, long offset, String detail,
            Throwable cause) {
        super(describe(topic, key, partition, offset) + ": " + detail + " [" + reason + "]", cause);
        this.reason = reason;
        this.detail = detail;
        this.topic = topic;
        this.key = key;
        this.partition = partition;
        this.offset = offset;
    }

    /** The same failure, located at a partition and offset. */
    public AvroSerdeException at(int atPartition, long atOffset) {
        AvroSerdeException located =
                new AvroSerdeException(reason, topic, key, atPartition, atOffset, detail, getCause());
        located.setStackTrace(getStackTrace());
        return located;
    }

    public Reason reason() {
        return reason;
    }

    /** What was wrong, without the location. */
    public String detail() {
        return detail;
    }

    public String topic() {
        return topic;
    }

    /** Whether the record's key (rather than its value) failed. */
    public boolean isKey() {
        return key;
    }

    public OptionalInt partition() {
        return partition < 0 ? OptionalInt.empty() : OptionalInt.of(partition);
    }

    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    private static String describe(String topic, boolean key, int partition, long offset) {
        StringBuilder where = new StringBuilder("Avro ").append(key ? "key" : "value")
                .append(" of topic '").append(topic).append('\'');
        if (partition >= 0) {
            where.append(" partition ").append(partition);
        }
        if (offset >= 0) {
            where.append(" offset ").append(offset);
        }
        return where.toString();
    }
}
