package org.bluelight.metrics.fsu;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * One person's nine totals kept as their ledger entries come and go, so a ranking run reads no
 * entries of the people whose ledger lies wholly in the 12 months: reading every entry at every
 * run (hundreds of thousands over a year of a large force) was a replay's growing cost.
 *
 * <p>Hours are summed exactly ({@link BigDecimal}: every double is one) and rounded once, so the
 * totals are the same whatever order entries came, went or were corrected in; a sum of doubles
 * kept by adding and subtracting would drift from the one read afresh in the last bit, and the
 * published figures with it. {@link PersonLedger#totals} sums this way too.
 *
 * <p>It answers for a window only when every entry it holds lies in it ({@link #answersFor}); the
 * home area also needs the entry that gives it, so removing that entry leaves the home unknown
 * until the ledger is read again ({@link #of}).
 */
public final class LedgerTotals {

    private int entries;
    private long suspects;
    private long offenders;
    private long victims;
    private long custodies;
    private long originatorCalls;
    private long subjectCalls;
    private BigDecimal originatorHours = BigDecimal.ZERO;
    private BigDecimal subjectHours = BigDecimal.ZERO;
    /** Hours of the custodies released; those still in custody count up to the reporting time. */
    private BigDecimal releasedCustodyHours = BigDecimal.ZERO;
    private final List<Instant> inCustodySince = new ArrayList<>();
    private final Map<SafeguardingTheme, Integer> themes = new EnumMap<>(SafeguardingTheme.class);
    private final Map<String, Integer> callAreas = new TreeMap<>();
    /** The entry giving the home area: the latest with one (ties to the alphabetically first area). */
    private PersonActivity home;
    private boolean homeKnown = true;
    /** At or before every entry's time (removing the earliest leaves it earlier than need be). */
    private Instant earliest;
    /** At or after every entry's time. */
    private Instant latest;

    /** The totals of these entries, all of them, each counted in full. */
    public static LedgerTotals of(Iterable<PersonActivity> activities) {
        LedgerTotals totals = new LedgerTotals();
        activities.forEach(totals::add);
        return totals;
    }

    public void add(PersonActivity activity) {
        entries++;
        count(activity, 1);
        switch (activity.kind()) {
            case ORIGINATOR_CALL -> originatorHours = originatorHours.add(new BigDecimal(activity.resourceHours()));
            case SUBJECT_CALL -> subjectHours = subjectHours.add(new BigDecimal(activity.resourceHours()));
            case CUSTODY -> {
                if (activity.endAt() == null) {
                    inCustodySince.add(activity.at());
                } else {
                    releasedCustodyHours = releasedCustodyHours.add(new BigDecimal(CustodyHours.of(activity.at(), activity.endAt())));
                }
            }
            case CRIME -> {
            }
        }
        if (activity.homeArea() != null && homeKnown && (home == null || givesHomeBefore(activity, home))) {
            home = activity;
        }
        earliest = earliest == null || activity.at().isBefore(earliest) ? activity.at() : earliest;
        latest = latest == null || activity.at().isAfter(latest) ? activity.at() : latest;
    }

    /** Takes out an entry added before (a source corrected or withdrawn, or aged out). */
    public void remove(PersonActivity activity) {
        entries--;
        count(activity, -1);
        switch (activity.kind()) {
            case ORIGINATOR_CALL -> originatorHours = originatorHours.subtract(new BigDecimal(activity.resourceHours()));
            case SUBJECT_CALL -> subjectHours = subjectHours.subtract(new BigDecimal(activity.resourceHours()));
            case CUSTODY -> {
                if (activity.endAt() == null) {
                    inCustodySince.remove(activity.at());
                } else {
                    releasedCustodyHours = releasedCustodyHours.subtract(new BigDecimal(CustodyHours.of(activity.at(), activity.endAt())));
                }
            }
            case CRIME -> {
            }
        }
        if (activity.homeArea() != null && home != null && activity.at().equals(home.at()) && activity.homeArea().equals(home.homeArea())) {
            // Another entry may give the same home at the same time: only reading the ledger again tells.
            home = null;
            homeKnown = false;
        }
    }

    private void count(PersonActivity activity, int sign) {
        switch (activity.kind()) {
            case ORIGINATOR_CALL -> originatorCalls += sign;
            case SUBJECT_CALL -> subjectCalls += sign;
            case CRIME -> {
                Set<CrimeRole> roles = activity.roles();
                suspects += roles.contains(CrimeRole.SUSPECT) ? sign : 0;
                offenders += roles.contains(CrimeRole.OFFENDER) ? sign : 0;
                victims += roles.contains(CrimeRole.VICTIM) ? sign : 0;
            }
            case CUSTODY -> custodies += sign;
        }
        for (SafeguardingTheme theme : activity.themes()) {
            themes.merge(theme, sign, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (activity.area() != null) {
            callAreas.merge(activity.area(), sign, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    private static boolean givesHomeBefore(PersonActivity activity, PersonActivity home) {
        return activity.at().isAfter(home.at()) || activity.at().equals(home.at()) && activity.homeArea().compareTo(home.homeArea()) < 0;
    }

    /** No entries left. */
    public boolean isEmpty() {
        return entries == 0;
    }

    /**
     * True when {@link #totals} gives the totals over [{@code windowStart}, {@code asOf}]: every entry lies in
     * it and the home area is known; else the ledger is to be read (and aged) again.
     */
    public boolean answersFor(Instant windowStart, Instant asOf) {
        return homeKnown && (entries == 0 || !earliest.isBefore(windowStart) && !latest.isAfter(asOf));
    }

    /**
     * The nine totals as of {@code asOf}, every entry counted: whoever is still in custody counts until then. Home
     * area as {@link PersonLedger#totals} gives it.
     */
    public FsuTotals totals(Instant asOf) {
        Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
        values.put(FsuTotal.SUSPECT_COUNT, (double) suspects);
        values.put(FsuTotal.OFFENDER_COUNT, (double) offenders);
        values.put(FsuTotal.VICTIM_COUNT, (double) victims);
        values.put(FsuTotal.CUSTODY_COUNT, (double) custodies);
        BigDecimal custodyHours = releasedCustodyHours;
        for (Instant since : inCustodySince) {
            custodyHours = custodyHours.add(new BigDecimal(CustodyHours.of(since, asOf)));
        }
        values.put(FsuTotal.CUSTODY_HOURS, custodyHours.doubleValue());
        values.put(FsuTotal.ORIGINATOR_CALLS, (double) originatorCalls);
        values.put(FsuTotal.ORIGINATOR_RESOURCE_HOURS, originatorHours.doubleValue());
        values.put(FsuTotal.SUBJECT_CALLS, (double) subjectCalls);
        values.put(FsuTotal.SUBJECT_RESOURCE_HOURS, subjectHours.doubleValue());
        Set<SafeguardingTheme> seen = themes.isEmpty() ? Set.of() : EnumSet.copyOf(themes.keySet());
        return new FsuTotals(values, home != null ? home.homeArea() : mostFrequentCallArea(), seen);
    }

    /** The area most of the calls give, ties to the alphabetically first. */
    private String mostFrequentCallArea() {
        String area = null;
        int best = 0;
        for (Map.Entry<String, Integer> entry : callAreas.entrySet()) {
            if (entry.getValue() > best) {
                best = entry.getValue();
                area = entry.getKey();
            }
        }
        return area;
    }
}
