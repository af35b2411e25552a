package org.bluelight.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * Keeps every contract BACKWARD compatible with its last released copy under {@code released/}:
 * a consumer on the new schema must read everything written with the released one, so a change
 * that would break a running consumer fails the build.
 *
 * <p>To release the current schemas (after a compatible change, or for a new contract):
 * {@code mvn -pl schemas test -Dtest=ReleasedSchemasTest -Dbluelight.schemas.release=true}.
 */
class ReleasedSchemasTest {

    private static final Path RELEASED = Path.of("released");

    @Test
    void everyContractReadsDataWrittenWithItsReleasedSchema() throws IOException {
        boolean release = Boolean.getBoolean("bluelight.schemas.release");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> contract : contracts().entrySet()) {
            Path file = RELEASED.resolve(contract.getKey() + ".avsc");
            Schema current = contract.getValue();
            if (Files.exists(file)) {
                Schema released = new Schema.Parser().parse(file.toFile());
                SchemaCompatibility.SchemaPairCompatibility result =
                        SchemaCompatibility.checkReaderWriterCompatibility(current, released);
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(contract.getKey() + ": " + result.getResult().getIncompatibilities());
                    continue;
                }
            } else if (!release) {
                problems.add(contract.getKey() + ": no released copy in " + file.toAbsolutePath());
                continue;
            }
            if (release) {
                Files.writeString(file, current.toString(true) + "\n");
            }
        }
        assertThat(problems).as("incompatible or unreleased contracts").isEmpty();
    }

    @Test
    void theCheckRefusesARequiredFieldWithoutDefault() {
        Schema released = SpecificData.get().getSchema(PositionFix.class);
        Schema withNewRequiredField = SchemaBuilder.record("PositionFix").namespace("org.bluelight.schemas")
                .fields()
                .requiredString("officerId")
                .requiredString("batteryLevel")
                .endRecord();

        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(withNewRequiredField, released);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    @Test
    void everyFieldOfEveryContractIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Schema schema : contracts().values()) {
            collectUndocumented(schema, seen, undocumented);
        }
        assertThat(undocumented).isEmpty();
    }

    private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                if (schema.getDoc() == null) {
                    undocumented.add(schema.getFullName());
                }
                for (Schema.Field field : schema.getFields()) {
                    if (field.doc() == null || field.doc().isBlank()) {
                        undocumented.add(schema.getFullName() + "." + field.name());
                    }
                    collectUndocumented(field.schema(), seen, undocumented);
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, seen, undocumented));
            case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
            case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
            case ENUM -> {
                if (seen.add(schema.getFullName()) && schema.getDoc() == null) {
                    undocumented.add(schema.getFullName());
                }
            }
            default -> { }
        }
    }

    /** Every key and value contract of every topic, by record name. */
    private static Map<String, Schema> contracts() {
        Map<String, Schema> contracts = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topic.all()) {
            if (topic.hasAvroKey()) {
                Schema key = SpecificData.get().getSchema(topic.keyType());
                contracts.put(key.getName(), key);
            }
            Schema value = SpecificData.get().getSchema(topic.valueType());
            contracts.put(value.getName(), value);
        }
        return contracts;
    }
}
