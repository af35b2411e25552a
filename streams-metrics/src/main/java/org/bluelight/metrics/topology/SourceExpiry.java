package org.bluelight.metrics.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When each FSU source (a call, a crime or custody record) last changed, so the links kept for it
 * can be dropped once it can no longer count in anyone's 12 months. Without this the calls and the
 * records' links would grow for as long as the app runs.
 */
final class SourceExpiry {

    private final KeyValueStore<String, Long> lastChanged;

    SourceExpiry(KeyValueStore<String, Long> lastChanged) {
        this.lastChanged = lastChanged;
    }

    /** The source changed at {@code timestamp} (event time); an older, late version does not bring it back. */
    void changed(String source, long timestamp) {
        Long previous = lastChanged.get(source);
        if (previous == null || previous < timestamp) {
            lastChanged.put(source, timestamp);
        }
    }

    /** Forgets every source last changed before {@code cutoff}, in {@code links} as well. */
    void purge(long cutoff, KeyValueStore<String, ?> links) {
        for (String source : StoreScan.keysWhere(lastChanged, time -> time < cutoff)) {
            links.delete(source);
            lastChanged.delete(source);
        }
    }
}
