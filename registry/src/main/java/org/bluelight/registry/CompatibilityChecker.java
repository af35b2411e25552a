package org.bluelight.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.bluelight.schemas.registry.Compatibility;

/** Checks a new schema against a subject's earlier versions under a compatibility level. */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * The reasons the new schema is refused, empty if it is accepted.
     *
     * @param earlier the subject's versions, oldest first
     */
    public static List<String> problems(Compatibility level, Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        if (level == Compatibility.NONE || earlier.isEmpty()) {
            return problems;
        }
        List<Schema> checked = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        for (Schema previous : checked) {
            if (level.checksBackward()) {
                describe("new schema cannot read data written with an earlier one",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous), problems);
            }
            if (level.checksForward()) {
                describe("an earlier schema cannot read data written with the new one",
                        SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate), problems);
            }
        }
        return problems;
    }

    private static void describe(String direction, SchemaCompatibility.SchemaPairCompatibility result,
            List<String> problems) {
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + ": " + incompatibility.getMessage());
        }
    }
}
