package org.bluelight.ops.topics;

/** How Kafka discards old records of a topic (its {@code cleanup.policy}). */
public enum CleanupPolicy {
    /** Records older than the retention are deleted: event streams. */
    DELETE("delete"),
    /** Only the latest record per key is kept, forever: state and reference data. */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String configValue() {
        return configValue;
    }
}
