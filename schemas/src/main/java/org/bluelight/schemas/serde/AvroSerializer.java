package org.bluelight.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.registry.RegistryException;

/**
 * Writes Avro specific records in the Confluent wire format, under the subject
 * {@code <topic>-key} or {@code <topic>-value}. A {@code null} record is written as {@code null}
 * (a tombstone).
 *
 * <p>Built by {@link AvroSerdes}, or by Kafka from its class name: then {@link #configure}
 * reads {@value RegistryClientConfig#URL_CONFIG} (and the other registry client properties) and
 * {@value #AUTO_REGISTER_CONFIG} (default {@code true}).
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** Kafka property: register schemas on first use (Confluent's name); else only look them up. */
    public static final String AUTO_REGISTER_CONFIG = "auto.register.schemas";

    private record TopicSchema(String topic, Schema schema) {}

    private final Map<TopicSchema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
    private RegistryClient client;
    private boolean key;
    private SchemaRegistration registration = SchemaRegistration.AUTO_REGISTER;

    /** For Kafka, which then calls {@link #configure}. */
    public AvroSerializer() {
    }

    public AvroSerializer(RegistryClient client, boolean key, SchemaRegistration registration) {
        this.client = Objects.requireNonNull(client, "client");
        this.key = key;
        this.registration = Objects.requireNonNull(registration, "registration");
    }

    /** Configures a serializer made by Kafka; one built with a client keeps its settings. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client != null) {
            return;
        }
        client = new RegistryClient(RegistryClientConfig.fromProperties(configs));
        key = isKey;
        Object autoRegister = configs.get(AUTO_REGISTER_CONFIG);
        if (autoRegister != null && !Boolean.parseBoolean(autoRegister.toString())) {
            registration = SchemaRegistration.LOOK_UP;
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: set "
                    + RegistryClientConfig.URL_CONFIG + " or build it with AvroSerdes");
        }
        Schema schema = record.getSchema();
        int id = ids.computeIfAbsent(new TopicSchema(topic, schema), topicSchema -> schemaId(topic, schema));
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer(schema, record).write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new AvroSerdeException(AvroSerdeException.Reason.INVALID_RECORD, topic, key,
                    "cannot encode " + schema.getFullName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        String subject = WireFormat.subject(topic, key);
        try {
            if (registration == SchemaRegistration.AUTO_REGISTER) {
                return client.register(subject, schema);
            }
            return client.lookup(subject, schema).orElseThrow(() -> new AvroSerdeException(
                    AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED, topic, key,
                    "schema " + schema.getFullName() + " is not registered under subject " + subject
                            + " and auto-registration is off", null));
        } catch (RegistryException e) {
            AvroSerdeException.Reason reason = e.errorCode() == RegistryException.INCOMPATIBLE_SCHEMA
                    ? AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA
                    : e.transientFailure() ? AvroSerdeException.Reason.REGISTRY_UNAVAILABLE
                    : AvroSerdeException.Reason.INVALID_RECORD;
            throw new AvroSerdeException(reason, topic, key,
                    "cannot get a schema id for " + schema.getFullName() + " under subject " + subject + ": "
                            + e.getMessage(), e);
        }
    }

    private SpecificDatumWriter<T> writer(Schema schema, T record) {
        // The class's own model carries its logical-type conversions (dates, timestamps, decimals).
        return writers.computeIfAbsent(schema,
                s -> new SpecificDatumWriter<>(s, SpecificData.getForClass(record.getClass())));
    }
}
