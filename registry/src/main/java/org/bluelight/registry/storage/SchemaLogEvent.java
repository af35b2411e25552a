package org.bluelight.registry.storage;

import java.util.Objects;
import java.util.Optional;
import org.bluelight.schemas.registry.Compatibility;

/** One entry of the schemas topic. */
public sealed interface SchemaLogEvent {

    /**
     * A claim that {@code schema} is version {@code version} of {@code subject} with global id
     * {@code id}. Claims are applied in log order and the first valid one wins, so every server
     * replaying the log agrees; see {@link SchemaStore#apply}.
     *
     * @param schema the schema in Avro's canonical JSON form ({@code Schema.toString()})
     */
    record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaLogEvent {
        public SchemaRegistered {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** The compatibility level of a subject, or the global one when {@code subject} is empty. */
    record CompatibilitySet(Optional<String> subject, Compatibility level) implements SchemaLogEvent {
        public CompatibilitySet {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(level, "level");
        }
    }
}
