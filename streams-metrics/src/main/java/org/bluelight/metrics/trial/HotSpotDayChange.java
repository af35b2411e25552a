package org.bluelight.metrics.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bluelight.schemas.TrialArm;

/**
 * One change to a hot spot's trial day: outcome counts moved, patrol dosage added, or the arm
 * set. Changes commute, so they can be summed in any order.
 *
 * @param countChanges outcome to +1/-1 (or more), empty when counts do not change
 * @param arm the allocated arm, null when this change does not set it
 * @param at event time of the change
 */
public record HotSpotDayChange(String hotSpotId, LocalDate trialDay, Map<Outcome, Integer> countChanges,
                               double patrolMinutes, int patrolVisits, TrialArm arm, Instant at) {

    public HotSpotDayChange {
        Objects.requireNonNull(hotSpotId, "hotSpotId");
        Objects.requireNonNull(trialDay, "trialDay");
        countChanges = countChanges.isEmpty() ? Map.of() : Map.copyOf(countChanges);
        Objects.requireNonNull(at, "at");
    }

    /** The key of a hot-spot-day: its changes are summed in one place. */
    public static String dayKey(String hotSpotId, LocalDate trialDay) {
        return hotSpotId + "|" + trialDay;
    }

    public String dayKey() {
        return dayKey(hotSpotId, trialDay);
    }

    public static HotSpotDayChange counts(String hotSpotId, LocalDate trialDay, Set<Outcome> outcomes, int sign, Instant at) {
        Map<Outcome, Integer> changes = new EnumMap<>(Outcome.class);
        outcomes.forEach(outcome -> changes.put(outcome, sign));
        return new HotSpotDayChange(hotSpotId, trialDay, changes, 0.0, 0, null, at);
    }

    public static HotSpotDayChange dosage(String hotSpotId, LocalDate trialDay, double minutes, int visits, Instant at) {
        return new HotSpotDayChange(hotSpotId, trialDay, Map.of(), minutes, visits, null, at);
    }

    public static HotSpotDayChange allocation(String hotSpotId, LocalDate trialDay, TrialArm arm, Instant at) {
        return new HotSpotDayChange(hotSpotId, trialDay, Map.of(), 0.0, 0, Objects.requireNonNull(arm, "arm"), at);
    }
}
