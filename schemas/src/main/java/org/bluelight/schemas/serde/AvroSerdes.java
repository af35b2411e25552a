package org.bluelight.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.bluelight.schemas.registry.RegistryClient;

/** Serdes for Avro specific records in the Confluent wire format, by role. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A value serde (subject {@code <topic>-value}) that registers schemas on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> value(Class<T> type, RegistryClient client) {
        return value(type, client, SchemaRegistration.AUTO_REGISTER);
    }

    /** A key serde (subject {@code <topic>-key}) that registers schemas on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> key(Class<T> type, RegistryClient client) {
        return key(type, client, SchemaRegistration.AUTO_REGISTER);
    }

    public static <T extends SpecificRecord> AvroSerde<T> value(Class<T> type, RegistryClient client,
            SchemaRegistration registration) {
        return serde(type, client, false, registration);
    }

    public static <T extends SpecificRecord> AvroSerde<T> key(Class<T> type, RegistryClient client,
            SchemaRegistration registration) {
        return serde(type, client, true, registration);
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, RegistryClient client, boolean key,
            SchemaRegistration registration) {
        return new AvroSerde<>(new AvroSerializer<>(client, key, registration),
                new AvroDeserializer<>(type, client, key));
    }
}
