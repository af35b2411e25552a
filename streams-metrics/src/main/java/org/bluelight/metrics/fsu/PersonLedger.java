package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything linking one person to the police, keyed by source ({@code call-o:<incident>},
 * {@code call-s:<incident>}, {@code crime:<id>}, {@code custody:<id>}), so a corrected source
 * replaces its earlier version and a withdrawn one leaves. Totals are over the 12 months ending
 * at the reporting time; older activity ages out.
 */
public record PersonLedger(Map<String, PersonActivity> activities) {

    public PersonLedger {
        activities = Map.copyOf(activities);
    }

    public static PersonLedger empty() {
        return new PersonLedger(Map.of());
    }

    public static String callKey(String incidentId, boolean originator) {
        return (originator ? "call-o:" : "call-s:") + incidentId;
    }

    public static String crimeKey(String crimeId) {
        return "crime:" + crimeId;
    }

    public static String custodyKey(String custodyId) {
        return "custody:" + custodyId;
    }

    /** Records the latest version of a source ({@link PersonActivity#over} its previous one). */
    public PersonLedger with(String key, PersonActivity activity) {
        Map<String, PersonActivity> next = new HashMap<>(activities);
        next.put(key, activity.over(activities.get(key)));
        return new PersonLedger(next);
    }

    public PersonLedger without(String key) {
        if (!activities.containsKey(key)) {
            return this;
        }
        Map<String, PersonActivity> next = new HashMap<>(activities);
        next.remove(key);
        return new PersonLedger(next);
    }

    /** Start of the window: 12 calendar months before {@code asOf} in the given zone. */
    public static Instant windowStart(Instant asOf, ZoneId zone) {
        return asOf.atZone(zone).minusMonths(12).toInstant();
    }

    /** The ledger without activity before the window start. */
    public PersonLedger agedOut(Instant windowStart) {
        // Most runs age nothing out of most ledgers: look before copying.
        if (activities.values().stream().noneMatch(activity -> activity.at().isBefore(windowStart))) {
            return this;
        }
        Map<String, PersonActivity> next = new HashMap<>(activities);
        next.values().removeIf(activity -> activity.at().isBefore(windowStart));
        return new PersonLedger(next);
    }

    /**
     * The nine totals over [windowStart, asOf]. Home area is the one the latest crime or custody
     * record in the window gives (the records system knows the address); without one, the person's
     * most frequent call area (ties to the alphabetically first). Summed as {@link LedgerTotals}
     * sums, which keeps them as entries change.
     */
    public FsuTotals totals(Instant windowStart, Instant asOf) {
        List<PersonActivity> inWindow = new ArrayList<>();
        for (PersonActivity activity : activities.values()) {
            if (!activity.at().isBefore(windowStart) && !activity.at().isAfter(asOf)) {
                inWindow.add(activity);
            }
        }
        return LedgerTotals.of(inWindow).totals(asOf);
    }
}
