package org.bluelight.metrics.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Another store's keys listed by a time of theirs (an incident's report, a window's end) in a store
 * whose keys start with that time, so a sweep reads only the entries whose time has come: reading
 * the whole store, as a replay sweeps it dozens of times over each entry's life, was a tenth of its
 * work. The swept store stays the truth: a sweep checks each listed entry before it goes.
 *
 * <p>A sweep reads from the earliest time still listed, which the index keeps in memory, not from the
 * store's first key: listings swept away stay in RocksDB as deletion markers until a compaction drops
 * them, and a read from the first key steps over every one of them. Over a replayed year that was
 * most of the KPI task's time (a list of window ends deleted as the windows close is a queue).
 */
final class TimeIndex {

    /** A key listed at a time: {@code listing} is its key in the index. */
    record Listed(String listing, String key) {
    }

    private final KeyValueStore<String, String> listed;
    /** No listing is earlier than this (epoch millis); 0 until a sweep has found the earliest. */
    private long earliest;

    TimeIndex(KeyValueStore<String, String> listed) {
        this.listed = listed;
    }

    /** Lists {@code key} at {@code at} (epoch millis), and no longer at {@code previous} (null when it was not listed). */
    void list(String key, Long previous, long at) {
        if (previous != null) {
            if (previous == at) {
                return;
            }
            unlist(key, previous);
        }
        listed.put(listing(at, key), key);
        earliest = Math.max(0, Math.min(earliest, at));
    }

    /** {@code key} is no longer listed at {@code at}. */
    void unlist(String key, long at) {
        listed.delete(listing(at, key));
    }

    /** The keys listed at or before {@code millis}, earliest first. */
    List<Listed> upTo(long millis) {
        List<Listed> due = new ArrayList<>();
        if (earliest > millis) {
            return due;
        }
        // Every listing is the time, a separator, then the key: all listed by millis sort before the next millisecond's time.
        try (KeyValueIterator<String, String> range = listed.range(time(earliest), time(millis + 1))) {
            range.forEachRemaining((KeyValue<String, String> entry) -> due.add(new Listed(entry.key, entry.value)));
        }
        // What the caller removes of these is stepped over by the next sweep only, not by every sweep after it.
        earliest = due.isEmpty() ? Math.max(earliest, millis + 1) : timeOf(due.get(0).listing());
        return due;
    }

    void remove(Listed listing) {
        listed.delete(listing.listing());
    }

    /** The latest time anything is listed at, if anything is. */
    OptionalLong latest() {
        try (KeyValueIterator<String, String> last = listed.reverseAll()) {
            return last.hasNext() ? OptionalLong.of(timeOf(last.next().key)) : OptionalLong.empty();
        }
    }

    boolean isEmpty() {
        try (KeyValueIterator<String, String> all = listed.all()) {
            return !all.hasNext();
        }
    }

    private static String listing(long at, String key) {
        return time(at) + "|" + key;
    }

    private static long timeOf(String listing) {
        return Long.parseLong(listing.substring(0, 19));
    }

    /**
     * Epoch millis zero-padded to 19 digits, so the keys sort by time (String.format was a visible cost); times
     * before 1970 are listed at 1970, and so swept no earlier than then.
     */
    static String time(long epochMillis) {
        String digits = Long.toString(Math.max(0, epochMillis));
        return "0".repeat(19 - digits.length()) + digits;
    }
}
