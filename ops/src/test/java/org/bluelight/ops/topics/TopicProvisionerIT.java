package org.bluelight.ops.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.bluelight.schemas.Topic;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicProvisionerIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void createsEveryTopicOnceAndLeavesThemAloneOnTheSecondRun() throws Exception {
        List<TopicSpec> specs = BluelightTopics.specs(ProvisioningSettings.local());
        TopicProvisioner provisioner = new TopicProvisioner(kafka.adminClient(), TIMEOUT);

        ProvisioningReport first = provisioner.apply(specs);
        ProvisioningReport second = provisioner.apply(specs);

        List<String> names = specs.stream().map(TopicSpec::name).toList();
        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(first.unchanged()).isEmpty();
        assertThat(second.created()).isEmpty();
        assertThat(second.unchanged()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(second.mismatches()).isEmpty();

        assertThat(kafka.adminClient().describeTopics(names).allTopicNames().get().values())
                .allSatisfy(description -> assertThat(description.partitions()).hasSize(
                        BluelightTopics.APPLICATION_IDS.stream().anyMatch(app -> description.name().equals(app + ".dlq"))
                                ? 1 : ProvisioningSettings.DEFAULT_PARTITIONS));
        assertThat(config(Topic.COVERAGE_CELLS.topicName()).get("cleanup.policy").value()).isEqualTo("compact");
        Config incidents = config(Topic.INCIDENTS.topicName());
        assertThat(incidents.get("cleanup.policy").value()).isEqualTo("delete");
        assertThat(incidents.get("retention.ms").value()).isEqualTo(String.valueOf(Topic.INCIDENTS.retention().toMillis()));
        assertThat(config(Topic.COVERAGE_CELLS.dlqName()).get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void reportsATopicWithOtherPartitionsAndPolicyAndLeavesItUnchanged() throws Exception {
        kafka.adminClient().createTopics(List.of(new NewTopic("it.drifted", 1, (short) 1))).all().get();
        TopicProvisioner provisioner = new TopicProvisioner(kafka.adminClient(), TIMEOUT);

        ProvisioningReport report = provisioner.apply(List.of(
                TopicSpec.compacted("it.drifted", 3, (short) 1),
                TopicSpec.compacted("it.fresh", 2, (short) 1)));

        assertThat(report.created()).containsExactly("it.fresh");
        assertThat(report.mismatches()).containsExactly(new TopicMismatch("it.drifted", List.of(
                "partitions: expected 3, found 1",
                "cleanup.policy: expected compact, found delete")));
        assertThat(report.lines()).anySatisfy(line -> assertThat(line).startsWith("MISMATCH it.drifted"));
        assertThat(kafka.adminClient().describeTopics(List.of("it.drifted")).allTopicNames().get()
                .get("it.drifted").partitions()).hasSize(1);
        assertThat(config("it.drifted").get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void aTopicTheClusterRefusesFailsWithItsName() {
        TopicProvisioner provisioner = new TopicProvisioner(kafka.adminClient(), TIMEOUT);

        assertThatThrownBy(() -> provisioner.apply(List.of(TopicSpec.compacted("it.too-replicated", 1, (short) 3))))
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("it.too-replicated");
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<ConfigResource, Config> configs = kafka.adminClient().describeConfigs(List.of(resource)).all().get();
        return configs.get(resource);
    }
}
