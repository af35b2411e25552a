package org.bluelight.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.registry.RegistryClient;

/**
 * Makes the serde of one Avro contract, as a key or as a value. The apps use the registry-backed
 * one ({@link #registry}); topology tests, which never leave the JVM, use plain Avro binary.
 */
@FunctionalInterface
public interface ContractSerdes {

    <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key);

    /** Confluent wire format, registering schemas with {@code client} on first use. */
    static ContractSerdes registry(RegistryClient client) {
        return new ContractSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean key) {
                return key ? AvroSerdes.key(type, client) : AvroSerdes.value(type, client);
            }
        };
    }
}
