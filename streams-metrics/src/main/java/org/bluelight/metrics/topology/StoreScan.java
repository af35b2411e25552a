package org.bluelight.metrics.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Reads a whole store for the processors' sweeps; keys are collected first so the store can be changed afterwards. */
final class StoreScan {

    private StoreScan() {
    }

    /** The keys whose values match. */
    static <V> List<String> keysWhere(KeyValueStore<String, V> store, Predicate<V> test) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (test.test(entry.value)) {
                    keys.add(entry.key);
                }
            });
        }
        return keys;
    }

    /** Puts back each value that {@code change} returns a new instance for; the same instance means unchanged. */
    static <V> void replaceChanged(KeyValueStore<String, V> store, UnaryOperator<V> change) {
        List<KeyValue<String, V>> changed = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> {
                V next = change.apply(entry.value);
                if (next != entry.value) {
                    changed.add(KeyValue.pair(entry.key, next));
                }
            });
        }
        changed.forEach(entry -> store.put(entry.key, entry.value));
    }

    /** Every value in the store. */
    static <V> List<V> values(KeyValueStore<String, V> store) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> values.add(entry.value));
        }
        return values;
    }
}
