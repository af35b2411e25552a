package org.bluelight.metrics.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A processor's store with the values it last read or wrote kept decoded, the absent ones too: the KPI task
 * reads its group, the group's day entries and the grade windows again at nearly every record, and decoding
 * them at each read was a fifth of its work (the record cache below keeps bytes). Every write still goes to
 * the store at once, so the store, its changelog and a commit see what they saw without it; only reads are
 * answered here. Built in the processor's {@code init}, so a task started again (after a crash or a
 * rebalance, its store restored) reads afresh. Whatever writes the store other than through this must
 * {@link #forget} after.
 */
final class DecodedEntries<V> {

    /** Stands for a key the store does not hold. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final Map<String, Object> decoded;

    /** @param capacity at most this many keys kept decoded, the least recently used dropped first */
    DecodedEntries(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.decoded = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @SuppressWarnings("unchecked")
    V get(String key) {
        Object value = decoded.get(key);
        if (value == null) {
            V stored = store.get(key);
            decoded.put(key, stored == null ? ABSENT : stored);
            return stored;
        }
        return value == ABSENT ? null : (V) value;
    }

    void put(String key, V value) {
        store.put(key, value);
        decoded.put(key, value == null ? ABSENT : value);
    }

    void delete(String key) {
        store.delete(key);
        decoded.put(key, ABSENT);
    }

    /** After the store was written some other way. */
    void forget() {
        decoded.clear();
    }

    /** The store itself, for scans; writes through it must be followed by {@link #forget}. */
    KeyValueStore<String, V> store() {
        return store;
    }
}
