package org.bluelight.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.registry.RegistryException;

/**
 * Reads Confluent-wire-format Avro into a specific record class: it fetches the writer's schema
 * by the id in the header and resolves it to the class's schema, so records written with an
 * older or newer compatible schema are read. {@code null} bytes read as {@code null}.
 *
 * <p>Bad bytes raise an {@link AvroSerdeException} naming the topic and the reason; use
 * {@link #deserialize(ConsumerRecord)} to have it name the partition and offset too.
 *
 * <p>Built by {@link AvroSerdes}, or by Kafka from its class name: then {@link #configure}
 * reads {@value RegistryClientConfig#URL_CONFIG} (and the other registry client properties) and
 * the record class from {@value #KEY_TYPE_CONFIG} / {@value #VALUE_TYPE_CONFIG}, else
 * {@value #TYPE_CONFIG}.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    /** Kafka property: the fully qualified specific record class to read into. */
    public static final String TYPE_CONFIG = "bluelight.avro.type";
    /** Kafka property: the record class for keys, when keys and values are both Avro. */
    public static final String KEY_TYPE_CONFIG = "bluelight.avro.key.type";
    /** Kafka property: the record class for values, when keys and values are both Avro. */
    public static final String VALUE_TYPE_CONFIG = "bluelight.avro.value.type";

    private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
    private Class<T> type;
    private Schema readerSchema;
    private RegistryClient client;
    private boolean key;

    /** For Kafka, which then calls {@link #configure}. */
    public AvroDeserializer() {
    }

    public AvroDeserializer(Class<T> type, RegistryClient client, boolean key) {
        this.type = Objects.requireNonNull(type, "type");
        this.readerSchema = SpecificData.get().getSchema(type);
        ReaderClassTrust.trustClassesOf(readerSchema);
        this.client = Objects.requireNonNull(client, "client");
        this.key = key;
    }

    /** Configures a deserializer made by Kafka; one built with a client keeps its settings. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client != null) {
            return;
        }
        Object typeName = configs.get(isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG);
        if (typeName == null) {
            typeName = configs.get(TYPE_CONFIG);
        }
        if (typeName == null) {
            throw new IllegalArgumentException("Missing property " + TYPE_CONFIG + " (or "
                    + (isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG) + "): the Avro record class to read into");
        }
        type = recordClass(typeName);
        readerSchema = SpecificData.get().getSchema(type);
        ReaderClassTrust.trustClassesOf(readerSchema);
        client = new RegistryClient(RegistryClientConfig.fromProperties(configs));
        key = isKey;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: set "
                    + RegistryClientConfig.URL_CONFIG + " and " + TYPE_CONFIG + ", or build it with AvroSerdes");
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw failure(AvroSerdeException.Reason.TRUNCATED, topic,
                    data.length + " bytes, fewer than the " + WireFormat.HEADER_SIZE + "-byte wire-format header", null);
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw failure(AvroSerdeException.Reason.WRONG_MAGIC_BYTE, topic,
                    String.format("first byte is 0x%02x, expected the wire-format magic byte 0x00", data[0] & 0xff),
                    null);
        }
        int id = ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
        SpecificDatumReader<T> reader = reader(topic, id);
        Schema writerSchema = reader.getSchema();
        try {
            // Walk the bytes first: the skip pass fails on a truncated or oversized length
            // without allocating, where reading garbage could try to allocate gigabytes.
            BinaryDecoder check = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            GenericDatumReader.skip(writerSchema, check);
            if (!check.isEnd()) {
                throw failure(AvroSerdeException.Reason.MALFORMED_PAYLOAD, topic,
                        "bytes left over after a complete record of schema id " + id, null);
            }
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                    data.length - WireFormat.HEADER_SIZE, null);
            return reader.read(null, decoder);
        } catch (EOFException e) {
            throw failure(AvroSerdeException.Reason.TRUNCATED, topic,
                    "Avro body ends early for schema id " + id + " (" + data.length + " bytes in all)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof AvroSerdeException serdeException) {
                throw serdeException;
            }
            throw failure(AvroSerdeException.Reason.MALFORMED_PAYLOAD, topic,
                    "Avro body does not decode with schema id " + id + ": " + e, e);
        }
    }

    /**
     * Deserializes this deserializer's side (key or value) of a raw record; a failure names the
     * record's topic, partition and offset.
     */
    public T deserialize(ConsumerRecord<byte[], byte[]> record) {
        try {
            return deserialize(record.topic(), key ? record.key() : record.value());
        } catch (AvroSerdeException e) {
            throw e.at(record.partition(), record.offset());
        }
    }

    /** The record class this deserializer reads into. */
    public Class<T> type() {
        return type;
    }

    private SpecificDatumReader<T> reader(String topic, int id) {
        SpecificDatumReader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema;
        try {
            writerSchema = client.schemaById(id);
        } catch (RegistryException e) {
            if (e.errorCode() == RegistryException.SCHEMA_NOT_FOUND || e.notFound()) {
                throw failure(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID, topic,
                        "schema id " + id + " is not in the registry", e);
            }
            throw failure(e.transientFailure() ? AvroSerdeException.Reason.REGISTRY_UNAVAILABLE
                    : AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID, topic,
                    "cannot fetch schema id " + id + ": " + e.getMessage(), e);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw failure(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA, topic,
                    "writer schema id " + id + " (" + writerSchema.getFullName() + ") cannot be read as "
                            + type.getName() + ": " + incompatibilities(compatibility), null);
        }
        SpecificDatumReader<T> reader =
                new SpecificDatumReader<>(writerSchema, readerSchema, SpecificData.getForClass(type));
        readers.putIfAbsent(id, reader);
        return reader;
    }

    private AvroSerdeException failure(AvroSerdeException.Reason reason, String topic, String detail,
            Throwable cause) {
        return new AvroSerdeException(reason, topic, key, detail, cause);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> Class<T> recordClass(Object typeName) {
        if (typeName instanceof Class<?> given) {
            return (Class<T>) requireRecordClass(given);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return (Class<T>) requireRecordClass(Class.forName(typeName.toString().trim(), true,
                    loader != null ? loader : AvroDeserializer.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Avro record class not found: " + typeName, e);
        }
    }

    private static Class<?> requireRecordClass(Class<?> candidate) {
        if (!SpecificRecord.class.isAssignableFrom(candidate)) {
            throw new IllegalArgumentException(candidate.getName() + " is not an Avro SpecificRecord class");
        }
        return candidate;
    }

    /** What does not match, without the schemas themselves (a dead letter's reason must stay short). */
    private static String incompatibilities(SchemaCompatibility.SchemaPairCompatibility compatibility) {
        return compatibility.getResult().getIncompatibilities().stream()
                .map(incompatibility -> incompatibility.getType() + " at " + incompatibility.getLocation()
                        + (incompatibility.getMessage().isEmpty() ? "" : " (" + incompatibility.getMessage() + ")"))
                .limit(5)
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
