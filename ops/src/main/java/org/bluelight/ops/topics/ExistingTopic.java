package org.bluelight.ops.topics;

import java.util.Objects;

/**
 * A topic as found on the cluster.
 *
 * @param replicationFactor the smallest replica count over its partitions
 * @param cleanupPolicy     the raw {@code cleanup.policy} value, e.g. {@code compact,delete}
 * @param retentionMs       the effective {@code retention.ms} ({@code -1} for unlimited)
 */
public record ExistingTopic(String name, int partitions, short replicationFactor, String cleanupPolicy, long retentionMs) {

    public ExistingTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    }
}
