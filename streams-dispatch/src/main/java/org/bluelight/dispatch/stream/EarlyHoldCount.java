package org.bluelight.dispatch.stream;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * How many keys an early hold of one task holds, kept in a store of its own so that the bound of
 * {@link EarlyHold#maxOfficers()} is exact and survives a restart.
 */
final class EarlyHoldCount {

    private static final String COUNT = "held";

    private final KeyValueStore<String, Long> count;
    private final int max;

    EarlyHoldCount(KeyValueStore<String, Long> count, int max) {
        this.count = count;
        this.max = max;
    }

    /** Counts one more key held; false, counting nothing, when the bound is reached. */
    boolean admit() {
        long holding = holding();
        if (holding >= max) {
            return false;
        }
        count.put(COUNT, holding + 1);
        return true;
    }

    /** Counts one key fewer. */
    void release() {
        count.put(COUNT, Math.max(0, holding() - 1));
    }

    int max() {
        return max;
    }

    private long holding() {
        Long holding = count.get(COUNT);
        return holding == null ? 0 : holding;
    }
}
