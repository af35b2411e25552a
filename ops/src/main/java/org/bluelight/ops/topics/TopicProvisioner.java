package org.bluelight.ops.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes a cluster hold the declared topics, idempotently: creates what is missing, leaves topics
 * that match alone, and reports (never alters) topics that exist with other partitions,
 * replication, cleanup policy or retention, since changing those under running apps loses data
 * or breaks key-to-partition placement.
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final Duration timeout;

    /** @param timeout how long to wait for each admin request */
    public TopicProvisioner(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Applies the specs.
     *
     * @throws TopicProvisioningException when the cluster cannot be read or a topic cannot be
     *                                    created (all failures are named in the message)
     */
    public ProvisioningReport apply(List<TopicSpec> specs) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("Topic " + spec.name() + " is declared twice");
            }
        }
        Set<String> present = await(admin.listTopics().names(), "list topics");
        List<TopicSpec> missing = byName.values().stream().filter(spec -> !present.contains(spec.name())).toList();
        List<String> created = create(missing);

        List<String> toCheck = byName.keySet().stream().filter(name -> !created.contains(name)).toList();
        List<String> unchanged = new ArrayList<>();
        List<TopicMismatch> mismatches = new ArrayList<>();
        for (ExistingTopic existing : describe(toCheck)) {
            List<String> differences = byName.get(existing.name()).differencesFrom(existing);
            if (differences.isEmpty()) {
                unchanged.add(existing.name());
            } else {
                mismatches.add(new TopicMismatch(existing.name(), differences));
            }
        }
        return new ProvisioningReport(created, unchanged, mismatches);
    }

    /** Creates the topics; one created concurrently by someone else is checked like any existing one. */
    private List<String> create(List<TopicSpec> missing) {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<NewTopic> newTopics = missing.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(newTopics).values();
        List<String> created = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    failures.add(result.getKey() + ": " + e.getCause().getMessage());
                }
            } catch (TimeoutException e) {
                failures.add(result.getKey() + ": no answer within " + timeout.toSeconds() + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("Interrupted while creating topics", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new TopicProvisioningException("Could not create " + failures.size() + " topic(s): " + String.join("; ", failures));
        }
        return created;
    }

    private List<ExistingTopic> describe(List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames(), "describe topics");
        List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), "describe topic configs");
        List<ExistingTopic> existing = new ArrayList<>();
        for (String name : names) {
            TopicDescription description = descriptions.get(name);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            short replication = (short) description.partitions().stream()
                    .map(TopicPartitionInfo::replicas)
                    .mapToInt(List::size)
                    .min()
                    .orElse(0);
            existing.add(new ExistingTopic(name, description.partitions().size(), replication,
                    value(config, TopicConfig.CLEANUP_POLICY_CONFIG, name),
                    Long.parseLong(value(config, TopicConfig.RETENTION_MS_CONFIG, name))));
        }
        return existing;
    }

    private static String value(Config config, String key, String topic) {
        ConfigEntry entry = config.get(key);
        if (entry == null || entry.value() == null) {
            throw new TopicProvisioningException("Topic " + topic + " reports no " + key);
        }
        return entry.value();
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException("Could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException("Could not " + what + ": no answer from Kafka within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("Interrupted while trying to " + what, e);
        }
    }
}
