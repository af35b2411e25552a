package org.bluelight.ops.bench.soak;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.coverage.cell.CellSet;

/**
 * The exact number of entries in each of an app's key-value stores, counted by reading them through
 * interactive queries. RocksDB's own figures cannot tell a leak from overwrites: its key estimate
 * counts every version until compaction, and its files keep overwritten values until a level is
 * compacted into the next, which for a store under the level's target size (256 MB) may not happen
 * within an hour.
 */
public final class StoreEntries {

    /** A store that could not be read this minute (a rebalance, or not a key-value store). */
    static final long UNKNOWN = -1;

    private StoreEntries() {
    }

    public static Map<String, Long> count(KafkaStreams streams, Collection<String> storeNames) {
        Map<String, Long> entries = new TreeMap<>();
        for (String name : storeNames) {
            entries.put(name, count(streams, name));
        }
        return entries;
    }

    /** The cells in all the reach sets of a store of {@link CellSet}s; {@link #UNKNOWN} if it could not be read. */
    static long members(KafkaStreams streams, String name) {
        try {
            ReadOnlyKeyValueStore<Object, CellSet> store = streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
            long n = 0;
            try (KeyValueIterator<Object, CellSet> all = store.all()) {
                while (all.hasNext()) {
                    n += all.next().value.size();
                }
            }
            return n;
        } catch (InvalidStateStoreException e) {
            return UNKNOWN;
        }
    }

    private static long count(KafkaStreams streams, String name) {
        try {
            ReadOnlyKeyValueStore<Object, Object> store = streams.store(
                    StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
            long n = 0;
            try (KeyValueIterator<Object, Object> all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    n++;
                }
            }
            return n;
        } catch (InvalidStateStoreException e) {
            return UNKNOWN;
        }
    }
}
