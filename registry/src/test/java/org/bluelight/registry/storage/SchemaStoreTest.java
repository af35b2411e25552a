package org.bluelight.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.bluelight.schemas.registry.Compatibility;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {

    private static final String A = "\"int\"";
    private static final String B = "\"string\"";
    private final SchemaStore store = new SchemaStore(Compatibility.BACKWARD);

    @Test
    void aClaimIsAppliedAndQueryable() {
        assertThat(store.apply(claim("s", 1, 1, A))).isTrue();

        assertThat(store.schema(1)).hasValue(A);
        assertThat(store.idOf(A)).hasValue(1);
        assertThat(store.latest("s")).hasValue(new SchemaStore.Version("s", 1, 1, A));
        assertThat(store.find("s", A)).hasValue(new SchemaStore.Version("s", 1, 1, A));
        assertThat(store.nextId()).isEqualTo(2);
        assertThat(store.subjects()).containsExactly("s");
    }

    @Test
    void theSecondClaimOnAVersionLosesTheRace() {
        store.apply(claim("s", 1, 1, A));

        assertThat(store.apply(claim("s", 1, 2, B))).isFalse();
        assertThat(store.versions("s")).containsExactly(new SchemaStore.Version("s", 1, 1, A));
        assertThat(store.schema(2)).isEmpty();
    }

    @Test
    void anIdTakenByAnotherSchemaIsRefused() {
        store.apply(claim("s", 1, 1, A));

        assertThat(store.apply(claim("t", 1, 1, B))).isFalse();
        assertThat(store.hasSubject("t")).isFalse();
    }

    @Test
    void aSchemaKeepsItsIdInEverySubject() {
        store.apply(claim("s", 1, 1, A));

        assertThat(store.apply(claim("t", 1, 2, A))).as("same schema, new id").isFalse();
        assertThat(store.apply(claim("t", 1, 1, A))).isTrue();
        assertThat(store.find("t", A)).hasValue(new SchemaStore.Version("t", 1, 1, A));
    }

    @Test
    void versionsHaveNoGapsAndNoRepeatedSchema() {
        store.apply(claim("s", 1, 1, A));

        assertThat(store.apply(claim("s", 3, 2, B))).isFalse();
        assertThat(store.apply(claim("s", 2, 1, A))).isFalse();
        assertThat(store.apply(claim("s", 2, 2, B))).isTrue();
        assertThat(store.versions("s")).extracting(SchemaStore.Version::id).containsExactly(1, 2);
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOneAndTheLatestSettingWins() {
        store.apply(new SchemaLogEvent.CompatibilitySet(Optional.empty(), Compatibility.FULL));
        store.apply(new SchemaLogEvent.CompatibilitySet(Optional.of("s"), Compatibility.NONE));
        store.apply(new SchemaLogEvent.CompatibilitySet(Optional.of("s"), Compatibility.FORWARD));

        assertThat(store.compatibility("s")).isEqualTo(Compatibility.FORWARD);
        assertThat(store.compatibility("t")).isEqualTo(Compatibility.FULL);
        assertThat(store.subjectCompatibility("t")).isEmpty();
    }

    private static SchemaLogEvent.SchemaRegistered claim(String subject, int version, int id, String schema) {
        return new SchemaLogEvent.SchemaRegistered(subject, version, id, schema);
    }
}
