package org.bluelight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesAreUniqueAndFindable() {
        assertThat(Topic.all().stream().map(Topic::topicName)).doesNotHaveDuplicates();
        for (Topic<?, ?> topic : Topic.all()) {
            assertThat(Topic.named(topic.topicName())).isSameAs(topic);
        }
    }

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        assertThat(Topic.INCIDENTS.valueSubject()).isEqualTo("cad.incidents-value");
        assertThat(Topic.HOTSPOT_TRIAL.keySubject()).isEqualTo("metrics.hotspot-trial-key");
        assertThat(Topic.TELEMATICS.dlqName()).isEqualTo("officer.telematics.dlq");
    }

    @Test
    void stateAndReferenceTopicsAreCompactedAndStreamsAreNot() {
        assertThat(Topic.COVERAGE_CELLS.compacted()).isTrue();
        assertThat(Topic.TRIAL_ALLOCATIONS.compacted()).isTrue();
        assertThat(Topic.TELEMATICS.compacted()).isFalse();
        assertThat(Topic.TELEMATICS.retention()).isPositive();
    }

    @Test
    void unknownTopicIsRefusedByName() {
        assertThatThrownBy(() -> Topic.named("cad.nope")).hasMessageContaining("cad.nope");
    }
}
