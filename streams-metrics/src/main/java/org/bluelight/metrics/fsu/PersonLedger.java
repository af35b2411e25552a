package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;

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
     * most frequent call area (ties to the alphabetically first).
     */
    public FsuTotals totals(Instant windowStart, Instant asOf) {
        Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
        Set<SafeguardingTheme> themes = EnumSet.noneOf(SafeguardingTheme.class);
        Map<String, Integer> areas = new TreeMap<>();
        PersonActivity latestWithHome = null;
        for (PersonActivity activity : activities.values()) {
            if (activity.at().isBefore(windowStart) || activity.at().isAfter(asOf)) {
                continue;
            }
            switch (activity.kind()) {
                case ORIGINATOR_CALL -> {
                    add(values, FsuTotal.ORIGINATOR_CALLS, 1);
                    add(values, FsuTotal.ORIGINATOR_RESOURCE_HOURS, activity.resourceHours());
                }
                case SUBJECT_CALL -> {
                    add(values, FsuTotal.SUBJECT_CALLS, 1);
                    add(values, FsuTotal.SUBJECT_RESOURCE_HOURS, activity.resourceHours());
                }
                case CRIME -> {
                    if (activity.roles().contains(CrimeRole.SUSPECT)) {
                        add(values, FsuTotal.SUSPECT_COUNT, 1);
                    }
                    if (activity.roles().contains(CrimeRole.OFFENDER)) {
                        add(values, FsuTotal.OFFENDER_COUNT, 1);
                    }
                    if (activity.roles().contains(CrimeRole.VICTIM)) {
                        add(values, FsuTotal.VICTIM_COUNT, 1);
                    }
                }
                case CUSTODY -> {
                    add(values, FsuTotal.CUSTODY_COUNT, 1);
                    add(values, FsuTotal.CUSTODY_HOURS,
                            CustodyHours.of(activity.at(), activity.endAt() == null ? asOf : activity.endAt()));
                }
            }
            themes.addAll(activity.themes());
            if (activity.area() != null) {
                areas.merge(activity.area(), 1, Integer::sum);
            }
            if (activity.homeArea() != null && (latestWithHome == null || activity.at().isAfter(latestWithHome.at())
                    || activity.at().equals(latestWithHome.at()) && activity.homeArea().compareTo(latestWithHome.homeArea()) < 0)) {
                latestWithHome = activity;
            }
        }
        if (latestWithHome != null) {
            return new FsuTotals(values, latestWithHome.homeArea(), themes);
        }
        String homeArea = null;
        int best = 0;
        for (Map.Entry<String, Integer> area : areas.entrySet()) {
            if (area.getValue() > best) {
                best = area.getValue();
                homeArea = area.getKey();
            }
        }
        return new FsuTotals(values, homeArea, themes);
    }

    private static void add(Map<FsuTotal, Double> values, FsuTotal total, double amount) {
        values.merge(total, amount, Double::sum);
    }
}
