package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The held early updates of one task (officer id → {@link EarlyUpdate}), with their count kept in
 * a second store ({@link EarlyHoldCount}). Every outcome is counted in {@value #METER} by {@code outcome}: held, applied (the
 * status came), dropped (the bound was reached) or expired (no status in time).
 */
final class EarlyUpdates {

    static final String METER = "bluelight.dispatch.early.updates";
    private final KeyValueStore<String, EarlyUpdate> held;
    private final EarlyHoldCount count;
    private final EarlyHold hold;
    private final Counter heldMeter;
    private final Counter appliedMeter;
    private final Counter droppedMeter;
    private final Counter expiredMeter;

    EarlyUpdates(KeyValueStore<String, EarlyUpdate> held, KeyValueStore<String, Long> count, EarlyHold hold,
                 MeterRegistry meters) {
        this.held = held;
        this.count = new EarlyHoldCount(count, hold.maxOfficers());
        this.hold = hold;
        this.heldMeter = meter(meters, "held");
        this.appliedMeter = meter(meters, "applied");
        this.droppedMeter = meter(meters, "dropped");
        this.expiredMeter = meter(meters, "expired");
    }

    private static Counter meter(MeterRegistry meters, String outcome) {
        return Counter.builder(METER)
                .description("Position fixes and coverage impacts read before their officer's first status, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Holds {@code change} of what is held for the officer, unless the bound is reached for a new one. */
    void hold(String officerId, Instant at, UnaryOperator<EarlyUpdate> change) {
        EarlyUpdate before = held.get(officerId);
        if (before == null && !count.admit()) {
            droppedMeter.increment();
            return;
        }
        held.put(officerId, change.apply(before == null ? EarlyUpdate.startingAt(at) : before));
        heldMeter.increment();
    }

    /** What was held for the officer, now taken out. */
    Optional<EarlyUpdate> take(String officerId) {
        EarlyUpdate update = held.get(officerId);
        if (update == null) {
            return Optional.empty();
        }
        remove(officerId);
        appliedMeter.increment();
        return Optional.of(update);
    }

    /** Drops what has been held longer than the hold allows. */
    void expire(Instant now) {
        Instant oldest = now.minus(hold.holdFor());
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, EarlyUpdate> all = held.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.heldSince().isBefore(oldest)) {
                    due.add(entry.key);
                }
            });
        }
        due.forEach(this::remove);
        expiredMeter.increment(due.size());
    }

    private void remove(String officerId) {
        held.delete(officerId);
        count.release();
    }
}
