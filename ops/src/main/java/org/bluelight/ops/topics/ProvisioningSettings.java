package org.bluelight.ops.topics;

import java.time.Duration;
import java.util.Objects;

/**
 * Deployment choices for Bluelight's topics; what each topic holds (and so its cleanup policy
 * and retention) comes from {@link org.bluelight.schemas.Topic}.
 *
 * @param partitions        partitions of every topic. One count for all keeps every topic
 *                          co-partitioned, which Kafka Streams joins require
 * @param replicationFactor replicas of every partition (1 on a single local broker)
 * @param dlqRetention      how long dead-letter records are kept for investigation
 */
public record ProvisioningSettings(int partitions, short replicationFactor, Duration dlqRetention) {

    public static final int DEFAULT_PARTITIONS = 3;
    public static final short DEFAULT_REPLICATION_FACTOR = 1;
    public static final Duration DEFAULT_DLQ_RETENTION = Duration.ofDays(30);

    public ProvisioningSettings {
        Objects.requireNonNull(dlqRetention, "dlqRetention");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        if (dlqRetention.isNegative() || dlqRetention.isZero()) {
            throw new IllegalArgumentException("dead-letter retention must be positive, got " + dlqRetention);
        }
    }

    /** The settings for the single-broker local stack. */
    public static ProvisioningSettings local() {
        return new ProvisioningSettings(DEFAULT_PARTITIONS, DEFAULT_REPLICATION_FACTOR, DEFAULT_DLQ_RETENTION);
    }

    public ProvisioningSettings withPartitions(int newPartitions) {
        return new ProvisioningSettings(newPartitions, replicationFactor, dlqRetention);
    }
}
