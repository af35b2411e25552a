package org.bluelight.schemas.serde;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Lets Avro instantiate the generated classes a deserializer reads into. Avro 1.12 refuses to
 * load classes by schema name unless trusted; the names trusted here come from the reader's own
 * compiled schema, never from a writer's schema off the wire.
 */
final class ReaderClassTrust {

    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ReaderClassTrust() {
    }

    /** Trusts every record, enum and fixed class named in the reader schema. */
    static void trustClassesOf(Schema readerSchema) {
        collect(readerSchema, new HashSet<>());
        if (INSTALLED.compareAndSet(false, true)) {
            ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                    type -> TRUSTED.contains(type.getName())));
        }
    }

    private static void collect(Schema schema, Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    TRUSTED.add(SpecificData.getClassName(schema));
                    schema.getFields().forEach(field -> collect(field.schema(), seen));
                }
            }
            case ENUM, FIXED -> TRUSTED.add(SpecificData.getClassName(schema));
            case ARRAY -> collect(schema.getElementType(), seen);
            case MAP -> collect(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, seen));
            default -> {
                // Primitive types name no class.
            }
        }
    }
}
