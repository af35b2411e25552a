package org.bluelight.ops.bench.soak;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One minute of a soak.
 *
 * @param minute          minutes since the load began
 * @param heapAfterGcBytes the stack JVM's heap in use just after a full collection
 * @param stores          each app's state stores by name (RocksDB's bytes and key estimate)
 * @param lagP99Millis    each app's p99 lag behind its input over the minute
 * @param incidents       incidents written so far
 * @param recommendations recommendation revisions written so far
 */
public record SoakSample(int minute, long heapAfterGcBytes, Map<String, Map<String, StoreFigures>> stores,
                         Map<String, Long> lagP99Millis, long incidents, long recommendations) {

    public SoakSample {
        Map<String, Map<String, StoreFigures>> copy = new LinkedHashMap<>();
        stores.forEach((app, byName) -> copy.put(app, Map.copyOf(byName)));
        stores = Collections.unmodifiableMap(copy);
        lagP99Millis = Map.copyOf(lagP99Millis);
    }

    /** All of one app's stores together. */
    StoreFigures storesOf(String app) {
        return StoreFigures.sum(stores.getOrDefault(app, Map.of()).values());
    }

    /** One store of one app; nothing if it has not reported (yet). */
    StoreFigures store(String app, String name) {
        return stores.getOrDefault(app, Map.of()).getOrDefault(name, StoreFigures.NONE);
    }
}
