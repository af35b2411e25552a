package org.bluelight.schemas.registry;

import java.util.Locale;

/**
 * A subject's compatibility level, as named by the Confluent REST API. BACKWARD: a consumer on
 * the new schema reads data written with the previous one. FORWARD: a consumer on the previous
 * schema reads data written with the new one. FULL: both. The _TRANSITIVE variants check
 * against every earlier version instead of only the latest.
 */
public enum Compatibility {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** Whether the new schema must be able to read data written with the earlier ones. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether the earlier schemas must be able to read data written with the new one. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean transitive() {
        return this == BACKWARD_TRANSITIVE || this == FORWARD_TRANSITIVE || this == FULL_TRANSITIVE;
    }

    /** Parses a level name case-insensitively, with a clear error for an unknown one. */
    public static Compatibility parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown compatibility level: " + name, e);
        }
    }
}
