package org.bluelight.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    private static final TopicSpec EVENTS = TopicSpec.deleting("cad.incidents", 3, (short) 1, Duration.ofDays(30));
    private static final TopicSpec CELLS = TopicSpec.compacted("coverage.cells", 3, (short) 1);

    @Test
    void aTopicAsDeclaredHasNoDifferences() {
        assertThat(EVENTS.differencesFrom(new ExistingTopic("cad.incidents", 3, (short) 1, "delete", Duration.ofDays(30).toMillis())))
                .isEmpty();
        assertThat(CELLS.differencesFrom(new ExistingTopic("coverage.cells", 3, (short) 1, "compact", 604_800_000L)))
                .as("a compacted topic ignores retention")
                .isEmpty();
    }

    @Test
    void namesEveryDifferenceWithBothValues() {
        ExistingTopic found = new ExistingTopic("cad.incidents", 1, (short) 2, "compact,delete", 1000L);

        assertThat(EVENTS.differencesFrom(found)).containsExactly(
                "partitions: expected 3, found 1",
                "replication factor: expected 1, found 2",
                "cleanup.policy: expected delete, found compact,delete",
                "retention.ms: expected 2592000000, found 1000");
    }

    @Test
    void aCompactedTopicFoundDeletingIsAMismatch() {
        assertThat(CELLS.differencesFrom(new ExistingTopic("coverage.cells", 3, (short) 1, "delete", 1000L)))
                .containsExactly("cleanup.policy: expected compact, found delete");
    }

    @Test
    void configsCarryPolicyAndRetentionForDeletingTopicsOnly() {
        assertThat(EVENTS.configs()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cleanup.policy", "delete", "retention.ms", "2592000000"));
        assertThat(CELLS.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void rejectsInconsistentDeclarations() {
        assertThatThrownBy(() -> new TopicSpec("t", 3, (short) 1, CleanupPolicy.COMPACT, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compacted");
        assertThatThrownBy(() -> new TopicSpec("t", 3, (short) 1, CleanupPolicy.DELETE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive retention");
        assertThatThrownBy(() -> TopicSpec.compacted("t", 0, (short) 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitions must be at least 1, got 0");
        assertThatThrownBy(() -> TopicSpec.compacted("t", 1, (short) 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication factor");
        assertThatThrownBy(() -> TopicSpec.compacted("bad name", 1, (short) 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Illegal topic name 'bad name'");
    }

    @Test
    void refusesToCompareWithAnotherTopic() {
        assertThatThrownBy(() -> CELLS.differencesFrom(new ExistingTopic("other", 3, (short) 1, "compact", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
