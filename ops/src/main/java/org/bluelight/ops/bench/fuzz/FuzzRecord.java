package org.bluelight.ops.bench.fuzz;

import org.bluelight.schemas.Topic;

/**
 * One record the fuzz campaign sends, as bytes on the wire.
 *
 * @param topic     where it goes
 * @param key       key bytes, null for a null key
 * @param value     value bytes, null for a tombstone
 * @param timestamp the record timestamp, epoch milliseconds
 * @param kind      what makes it hostile; null for a good record
 */
public record FuzzRecord(Topic<?, ?> topic, byte[] key, byte[] value, long timestamp, HostileKind kind) {

    public boolean good() {
        return kind == null;
    }
}
