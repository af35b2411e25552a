package org.bluelight.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.bluelight.schemas.registry.Compatibility;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

    private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"int\"}");
    private static final Schema V2_OPTIONAL_B = record(
            "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    private static final Schema V3_REQUIRED_B = record(
            "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");
    private static final Schema ONLY_B = record("{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");

    @Test
    void backwardAcceptsAFieldWithADefaultAndRefusesOneWithout() {
        assertThat(CompatibilityChecker.problems(Compatibility.BACKWARD, V2_OPTIONAL_B, List.of(V1))).isEmpty();
        assertThat(CompatibilityChecker.problems(Compatibility.BACKWARD, V3_REQUIRED_B, List.of(V1)))
                .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE", "b");
    }

    @Test
    void backwardChecksOnlyTheLatestVersionButTransitiveChecksThemAll() {
        List<Schema> earlier = List.of(V1, V2_OPTIONAL_B);

        assertThat(CompatibilityChecker.problems(Compatibility.BACKWARD, V3_REQUIRED_B, earlier)).isEmpty();
        assertThat(CompatibilityChecker.problems(Compatibility.BACKWARD_TRANSITIVE, V3_REQUIRED_B, earlier))
                .hasSize(1);
    }

    @Test
    void forwardRefusesDroppingAFieldOldReadersNeed() {
        assertThat(CompatibilityChecker.problems(Compatibility.FORWARD, ONLY_B, List.of(V1)))
                .singleElement().asString().contains("earlier schema cannot read");
        assertThat(CompatibilityChecker.problems(Compatibility.BACKWARD, ONLY_B, List.of(V1))).isEmpty();
    }

    @Test
    void fullNeedsBothDirections() {
        assertThat(CompatibilityChecker.problems(Compatibility.FULL, V2_OPTIONAL_B, List.of(V1))).isEmpty();
        assertThat(CompatibilityChecker.problems(Compatibility.FULL, ONLY_B, List.of(V1))).isNotEmpty();
        assertThat(CompatibilityChecker.problems(Compatibility.FULL, V3_REQUIRED_B, List.of(V1))).isNotEmpty();
    }

    @Test
    void noneAndAFirstVersionAcceptAnything() {
        assertThat(CompatibilityChecker.problems(Compatibility.NONE, Schema.create(Schema.Type.STRING), List.of(V1)))
                .isEmpty();
        assertThat(CompatibilityChecker.problems(Compatibility.FULL_TRANSITIVE, V1, List.of())).isEmpty();
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
