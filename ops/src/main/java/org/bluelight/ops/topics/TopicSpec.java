package org.bluelight.ops.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic as it should exist on the cluster.
 *
 * @param retention how long records are kept; {@code null} exactly when the policy is compact
 */
public record TopicSpec(String name, int partitions, short replicationFactor, CleanupPolicy cleanupPolicy,
                        Duration retention) {

    /** Kafka's own rule for topic names. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Illegal topic name '" + name + "': use 1 to 249 of [a-zA-Z0-9._-]");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Topic " + name + ": partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("Topic " + name + ": replication factor must be at least 1, got " + replicationFactor);
        }
        if (cleanupPolicy == CleanupPolicy.COMPACT && retention != null) {
            throw new IllegalArgumentException("Topic " + name + " is compacted and keeps records forever: it takes no retention");
        }
        if (cleanupPolicy == CleanupPolicy.DELETE && (retention == null || retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("Topic " + name + " deletes old records: it needs a positive retention, got " + retention);
        }
    }

    public static TopicSpec compacted(String name, int partitions, short replicationFactor) {
        return new TopicSpec(name, partitions, replicationFactor, CleanupPolicy.COMPACT, null);
    }

    public static TopicSpec deleting(String name, int partitions, short replicationFactor, Duration retention) {
        return new TopicSpec(name, partitions, replicationFactor, CleanupPolicy.DELETE, retention);
    }

    /** The topic configs to create it with. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        if (retention != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        }
        return configs;
    }

    /**
     * How the topic found on the cluster differs from this one, one readable line per
     * difference; empty when it matches. Retention is compared for deleting topics only, since
     * a compacted topic ignores it.
     */
    public List<String> differencesFrom(ExistingTopic existing) {
        if (!existing.name().equals(name)) {
            throw new IllegalArgumentException("Comparing topic " + name + " with a different topic " + existing.name());
        }
        List<String> differences = new ArrayList<>();
        if (existing.partitions() != partitions) {
            differences.add("partitions: expected " + partitions + ", found " + existing.partitions());
        }
        if (existing.replicationFactor() != replicationFactor) {
            differences.add("replication factor: expected " + replicationFactor + ", found " + existing.replicationFactor());
        }
        if (!cleanupPolicy.configValue().equals(existing.cleanupPolicy())) {
            differences.add("cleanup.policy: expected " + cleanupPolicy.configValue() + ", found " + existing.cleanupPolicy());
        }
        if (cleanupPolicy == CleanupPolicy.DELETE && existing.retentionMs() != retention.toMillis()) {
            differences.add("retention.ms: expected " + retention.toMillis() + ", found " + existing.retentionMs());
        }
        return differences;
    }
}
