package org.bluelight.dispatch.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What tasking remembers between plans ({@value TaskingTopology#LEDGER_STORE}): when each officer
 * last accepted a move-up, and each hot spot's patrol visits tasked today and when the last was.
 * Only today's visits steer the tasks, so earlier days are forgotten; kept, they would grow the
 * store by every trial day.
 */
final class TaskingLedger {

    private static final String MOVE = "move:";
    private static final String VISITS = "visits:";
    private static final String LAST_VISIT = "last:";

    private final KeyValueStore<String, Long> store;

    TaskingLedger(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    Optional<Instant> lastMoveOf(String officerId) {
        return Optional.ofNullable(store.get(MOVE + officerId)).map(Instant::ofEpochMilli);
    }

    void moved(String officerId, Instant at) {
        store.put(MOVE + officerId, at.toEpochMilli());
    }

    int visits(LocalDate day, String hotSpotId) {
        Long visits = store.get(dayKey(VISITS, day, hotSpotId));
        return visits == null ? 0 : visits.intValue();
    }

    Optional<Instant> lastVisit(LocalDate day, String hotSpotId) {
        return Optional.ofNullable(store.get(dayKey(LAST_VISIT, day, hotSpotId))).map(Instant::ofEpochMilli);
    }

    /** One more visit tasked to {@code hotSpotId} on {@code day}, at {@code at}. */
    void visitTasked(LocalDate day, String hotSpotId, Instant at) {
        store.put(dayKey(VISITS, day, hotSpotId), visits(day, hotSpotId) + 1L);
        store.put(dayKey(LAST_VISIT, day, hotSpotId), at.toEpochMilli());
    }

    /** Forgets the visits of every day before {@code day}. */
    void forgetDaysBefore(LocalDate day) {
        List<String> old = new ArrayList<>();
        for (String prefix : List.of(VISITS, LAST_VISIT)) {
            // The epoch day has five digits from 1997 to 2243, so these keys sort by day.
            try (KeyValueIterator<String, Long> earlier = store.range(prefix, prefix + (day.toEpochDay() - 1) + ";")) {
                earlier.forEachRemaining(entry -> old.add(entry.key));
            }
        }
        old.forEach(store::delete);
    }

    private static String dayKey(String prefix, LocalDate day, String hotSpotId) {
        return prefix + day.toEpochDay() + ":" + hotSpotId;
    }
}
