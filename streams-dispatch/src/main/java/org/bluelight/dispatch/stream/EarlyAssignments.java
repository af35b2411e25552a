package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The assignments of one task read before their incident (incident id → {@link Waiting}), held
 * until the incident comes: CAD writes an incident before its assignment, but topics are not read
 * in step, so the assignment may well be read first. Bounded by {@link EarlyHold} as the officers'
 * early updates are: at most {@code maxOfficers} incidents wait at once ({@link EarlyHoldCount}),
 * each for at most {@code holdFor}. Every outcome is
 * counted in {@value #METER} by {@code outcome}: held, released (the incident came), refused (the
 * bound was reached) or expired (no incident in time); refused and expired ones are dead-lettered.
 */
final class EarlyAssignments {

    static final String METER = "bluelight.dispatch.early.assignments";
    /** Assignments held for one incident at most: a handful come before it, a flood must not grow its entry. */
    static final int MAX_PER_INCIDENT = 20;
    /** One assignment read before its incident, with what its dead letter needs should the incident not come. */
    record Held(GroupEvent.AssignmentMade made, int partition, long offset, long timestamp, byte[] key, byte[] value) {
    }

    /**
     * The assignments waiting for one incident.
     *
     * @param heldSince record time of the first, from which the hold runs out
     */
    record Waiting(Instant heldSince, List<Held> assignments) {

        Waiting {
            Objects.requireNonNull(heldSince, "heldSince");
            assignments = List.copyOf(assignments);
        }

        Waiting plus(Held held) {
            List<Held> next = new ArrayList<>(assignments);
            next.add(held);
            return new Waiting(heldSince, next);
        }
    }

    private final KeyValueStore<String, Waiting> waiting;
    private final EarlyHoldCount count;
    private final Counter heldMeter;
    private final Counter releasedMeter;
    private final Counter refusedMeter;
    private final Counter expiredMeter;

    EarlyAssignments(KeyValueStore<String, Waiting> waiting, KeyValueStore<String, Long> count, EarlyHold hold,
                     MeterRegistry meters) {
        this.waiting = waiting;
        this.count = new EarlyHoldCount(count, hold.maxOfficers());
        this.heldMeter = meter(meters, "held");
        this.releasedMeter = meter(meters, "released");
        this.refusedMeter = meter(meters, "refused");
        this.expiredMeter = meter(meters, "expired");
    }

    private static Counter meter(MeterRegistry meters, String outcome) {
        return Counter.builder(METER)
                .description("Assignments read before their incident, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * Holds the assignment for its incident; false (refused) when the bound is reached for a new
     * incident, or {@value #MAX_PER_INCIDENT} already wait for this one.
     */
    boolean hold(Held held, Instant at) {
        String incidentId = held.made().incidentId();
        Waiting before = waiting.get(incidentId);
        boolean full = before == null ? !count.admit() : before.assignments().size() >= MAX_PER_INCIDENT;
        if (full) {
            refusedMeter.increment();
            return false;
        }
        waiting.put(incidentId, (before == null ? new Waiting(at, List.of()) : before).plus(held));
        heldMeter.increment();
        return true;
    }

    /** The assignments held for the incident, in the order read, now taken out. */
    List<GroupEvent.AssignmentMade> release(String incidentId) {
        Waiting held = waiting.get(incidentId);
        if (held == null) {
            return List.of();
        }
        remove(incidentId);
        releasedMeter.increment(held.assignments().size());
        return held.assignments().stream().map(Held::made).toList();
    }

    /** Takes out the assignments held longer than {@code holdFor}, and returns them. */
    List<Held> expire(Instant now, Duration holdFor) {
        Instant oldest = now.minus(holdFor);
        List<String> due = new ArrayList<>();
        List<Held> expired = new ArrayList<>();
        try (KeyValueIterator<String, Waiting> all = waiting.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.heldSince().isBefore(oldest)) {
                    due.add(entry.key);
                    expired.addAll(entry.value.assignments());
                }
            });
        }
        due.forEach(this::remove);
        expiredMeter.increment(expired.size());
        return expired;
    }

    int maxIncidents() {
        return count.max();
    }

    private void remove(String incidentId) {
        waiting.delete(incidentId);
        count.release();
    }
}
