package org.bluelight.ops.bench.soak;

import java.util.Map;

/**
 * One minute of a soak.
 *
 * @param minute          minutes since the load began
 * @param heapAfterGcBytes the stack JVM's heap in use just after a full collection
 * @param storeBytes      each app's state stores' bytes (RocksDB's SST files and memtables)
 * @param storeKeys       each app's state stores' keys (RocksDB's estimate)
 * @param lagP99Millis    each app's p99 lag behind its input over the minute
 * @param incidents       incidents written so far
 * @param recommendations recommendation revisions written so far
 */
public record SoakSample(int minute, long heapAfterGcBytes, Map<String, Long> storeBytes, Map<String, Long> storeKeys,
                         Map<String, Long> lagP99Millis,
                         long incidents, long recommendations) {

    public SoakSample {
        storeBytes = Map.copyOf(storeBytes);
        storeKeys = Map.copyOf(storeKeys);
        lagP99Millis = Map.copyOf(lagP99Millis);
    }
}
