package org.bluelight.metrics.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.SourceWatermarks;

/**
 * A task's low watermark over the input partitions its records came from ({@link SourceWatermarks}),
 * kept in a store so that a restarted task still waits for the partitions it heard from.
 *
 * <p>A partition is stored when first heard from, and its latest time at each {@link #save} (every
 * {@link #sweepDue sweep}), not at every record: a store write per record (a changelog record each
 * where the record cache is off) buys nothing, since a time stored late only makes a restarted
 * task's watermark lower, which purges later, never earlier.
 */
final class InputWatermark {

    private final SourceWatermarks sources;
    private final KeyValueStore<String, Long> stored;
    private final Set<String> known = new HashSet<>();
    private final Map<String, Long> unsaved = new HashMap<>();
    /** The sweep interval {@link #sweepDue} last answered for (not stored: a restarted task sweeps once more). */
    private long sweptInterval = Long.MIN_VALUE;

    /** @param expected as for {@link SourceWatermarks#SourceWatermarks(int)} */
    InputWatermark(KeyValueStore<String, Long> stored, int expected) {
        this.sources = new SourceWatermarks(expected);
        this.stored = stored;
        try (KeyValueIterator<String, Long> all = stored.all()) {
            all.forEachRemaining(entry -> {
                sources.report(entry.key, entry.value);
                known.add(entry.key);
            });
        }
    }

    /** Sets the partition's latest time; true when it changed. */
    boolean report(String partition, long time) {
        if (!sources.report(partition, time)) {
            return false;
        }
        if (known.add(partition)) {
            stored.put(partition, time);
        } else {
            unsaved.put(partition, time);
        }
        return true;
    }

    /** See {@link SourceWatermarks#low()}. */
    OptionalLong low() {
        return sources.low();
    }

    /**
     * The low watermark, when it has entered a later interval of {@code every} than the last this answered for; the
     * partitions' times are saved then. Empty otherwise: a sweep per interval, and none again when the watermark
     * drops back (a partition heard from for the first time) and rises through intervals already swept.
     */
    OptionalLong sweepDue(Duration every) {
        OptionalLong low = sources.low();
        if (low.isEmpty()) {
            return low;
        }
        long interval = Math.floorDiv(low.getAsLong(), every.toMillis());
        if (interval <= sweptInterval) {
            return OptionalLong.empty();
        }
        sweptInterval = interval;
        save();
        return low;
    }

    /** Stores the partitions' times changed since the last save. */
    void save() {
        unsaved.forEach(stored::put);
        unsaved.clear();
    }
}
