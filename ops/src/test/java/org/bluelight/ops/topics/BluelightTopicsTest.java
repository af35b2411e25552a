package org.bluelight.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.Test;

class BluelightTopicsTest {

    private final ProvisioningSettings settings = new ProvisioningSettings(6, (short) 2, Duration.ofDays(9));
    private final Map<String, TopicSpec> specs = BluelightTopics.specs(settings).stream()
            .collect(Collectors.toMap(TopicSpec::name, Function.identity()));

    @Test
    void declaresEveryTopicAndItsDeadLetterTopicOnce() {
        List<TopicSpec> list = BluelightTopics.specs(settings);

        assertThat(list).hasSize(2 * Topic.all().size() + BluelightTopics.APPLICATION_IDS.size());
        for (Topic<?, ?> topic : Topic.all()) {
            assertThat(specs).containsKeys(topic.topicName(), topic.dlqName());
        }
    }

    @Test
    void declaresEachAppsFallbackDeadLetterTopicWithOnePartitionDeletingLikeTheOthers() {
        assertThat(BluelightTopics.APPLICATION_IDS).contains("bluelight-dispatch", "bluelight-coverage", "bluelight-metrics");
        for (String app : BluelightTopics.APPLICATION_IDS) {
            TopicSpec fallback = specs.get(app + ".dlq");
            assertThat(fallback).as(app).isNotNull();
            assertThat(fallback.partitions()).isEqualTo(1);
            assertThat(fallback.replicationFactor()).isEqualTo((short) 2);
            assertThat(fallback.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
            assertThat(fallback.retention()).isEqualTo(Duration.ofDays(9));
        }
    }

    @Test
    void takesCleanupPolicyAndRetentionFromTheTopic() {
        for (Topic<?, ?> topic : Topic.all()) {
            TopicSpec spec = specs.get(topic.topicName());
            assertThat(spec.cleanupPolicy()).as(topic.topicName())
                    .isEqualTo(topic.compacted() ? CleanupPolicy.COMPACT : CleanupPolicy.DELETE);
            assertThat(spec.retention()).as(topic.topicName()).isEqualTo(topic.retention());
        }
    }

    @Test
    void deadLetterTopicsDeleteAfterTheirOwnRetentionEvenForCompactedTopics() {
        for (Topic<?, ?> topic : Topic.all()) {
            TopicSpec dlq = specs.get(topic.dlqName());
            assertThat(dlq.cleanupPolicy()).as(dlq.name()).isEqualTo(CleanupPolicy.DELETE);
            assertThat(dlq.retention()).as(dlq.name()).isEqualTo(Duration.ofDays(9));
        }
    }

    @Test
    void everyTopicGetsTheDeploymentsPartitionsAndReplication() {
        assertThat(specs.values()).filteredOn(spec -> !spec.name().startsWith("bluelight-")).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.replicationFactor()).isEqualTo((short) 2);
        });
    }
}
