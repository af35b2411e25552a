package org.bluelight.metrics.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluelight.metrics.state.InstantText;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;

/**
 * Available and busy officers of one dispatch group over time, from their status changes: the
 * officer-seconds spent in each state are summed per KPI window, so a window's mean is a
 * time-weighted mean. An officer counts as available in {@code AVAILABLE}, as busy in any other
 * on-duty state, and not at all off duty or before their first status is seen. The group is
 * observed from its first status change, so a window's mean covers only the observed part of it.
 *
 * <p>Status changes reach the KPI task one hop ahead of the response samples, by however far the
 * samples' path lags (a little live, minutes after a restart or on a backlog), so a sample's means
 * are asked as of a time the summed windows may already have passed. The counts since then are
 * kept as {@code steps} and taken back out, so the means as of a time depend on the status changes
 * up to it, not on how many later ones happened to be applied first.
 *
 * @param officers each on-duty officer's latest state
 * @param lastAt   the latest status change applied; time before it is summed into {@code windows}
 * @param windows  per window ({@link #windowKey}), the officer-seconds summed so far: the KPI task
 *                 keeps them in a store of their own and loads only those a change or a mean needs
 *                 (earlier versions stored them all here)
 * @param steps    the counts from each recent change on, oldest first (at most {@link #MAX_STEPS};
 *                 {@link #settledAt} drops those before a time no one asks about any more)
 */
public record GroupAvailability(Map<String, OfficerState> officers, Instant lastAt, Map<String, Occupancy> windows,
                                List<Step> steps) {

    /**
     * How far back before a change its time is summed into windows. Longer gaps (a group silent
     * for a week, or a change dated years away) sum only this last part: the windows before it
     * closed long ago (a day plus its grace). So a change costs at most a week of hourly windows.
     */
    public static final Duration LONGEST_SUMMED = Duration.ofDays(7);
    /**
     * Recent changes kept to answer "as of" an earlier time: beyond them (statuses this many changes
     * ahead of the samples) a mean as of an earlier time includes the changes since it, as it did
     * before steps were kept.
     */
    public static final int MAX_STEPS = 100;

    /** From {@code from} on (until the next step), this many officers were available and busy. */
    public record Step(Instant from, long available, long busy) {
    }

    /** Officer-seconds in one window up to {@code lastAt}; {@code observedSeconds} is the time they cover. */
    public record Occupancy(Instant end, double availableSeconds, double busySeconds, double observedSeconds) {

        Occupancy plus(double available, double busy, double seconds) {
            return new Occupancy(end, availableSeconds + available * seconds, busySeconds + busy * seconds, observedSeconds + seconds);
        }

        /** The same observed time, with {@code seconds} of it counted with these many more officers available and busy. */
        Occupancy recounted(double moreAvailable, double moreBusy, double seconds) {
            return new Occupancy(end, availableSeconds + moreAvailable * seconds, busySeconds + moreBusy * seconds, observedSeconds);
        }

        /** Ended before {@code cutoff}: past every grace period, no mean is asked of it any more. */
        public boolean endedBefore(Instant cutoff) {
            return end.isBefore(cutoff);
        }
    }

    /** Time-weighted mean numbers of available and busy officers over (the observed part of) a window. */
    public record Means(double available, double busy) {
    }

    public GroupAvailability {
        officers = Map.copyOf(officers);
        windows = Map.copyOf(windows);
        // Stored before steps were kept: no history to take back out.
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public GroupAvailability(Map<String, OfficerState> officers, Instant lastAt, Map<String, Occupancy> windows) {
        this(officers, lastAt, windows, List.of());
    }

    public static GroupAvailability unseen() {
        return new GroupAvailability(Map.of(), null, Map.of(), List.of());
    }

    /**
     * The group after an officer's status change. A change older than {@code lastAt} (out of
     * order across officers: the group's statuses come from several input partitions, read in no
     * fixed order) is {@linkplain #late put back in its time}.
     */
    public GroupAvailability on(String officerId, OfficerState state, Instant at, KpiWindows kpiWindows) {
        if (lastAt != null && at.isBefore(lastAt)) {
            return late(officerId, state, at, kpiWindows);
        }
        Instant effective = at;
        Map<String, Occupancy> summed = lastAt == null ? new HashMap<>(windows) : summedUpTo(effective, kpiWindows);
        Map<String, OfficerState> next = new HashMap<>(officers);
        if (state == OfficerState.OFF_DUTY) {
            next.remove(officerId);
        } else {
            next.put(officerId, state);
        }
        GroupAvailability changed = new GroupAvailability(next, effective, summed, steps);
        return changed.withSteps(stepped(steps, new Step(effective, changed.available(), changed.busy())));
    }

    /** Whether a change of {@code officerId} to {@code state} fits a group that may hold {@code maxOfficers} on duty. */
    public boolean admits(String officerId, OfficerState state, int maxOfficers) {
        return state == OfficerState.OFF_DUTY || officers.containsKey(officerId) || officers.size() < maxOfficers;
    }

    /**
     * A change older than {@code lastAt}. An officer's own changes come in order, so from {@code at}
     * to {@code lastAt} the officer was in {@code state}, not in the state summed for that time: the
     * difference goes into the windows (over the part of each that was observed, as far back as a
     * change sums, {@link #LONGEST_SUMMED}) and into the steps since {@code at}, so the sums and the
     * means as of any time are those of the changes in time order. A window already closed keeps
     * the figures it was published with.
     */
    private GroupAvailability late(String officerId, OfficerState state, Instant at, KpiWindows kpiWindows) {
        Map<String, OfficerState> next = new HashMap<>(officers);
        if (state == OfficerState.OFF_DUTY) {
            next.remove(officerId);
        } else {
            next.put(officerId, state);
        }
        long moreAvailable = availableCount(next.get(officerId)) - availableCount(officers.get(officerId));
        long moreBusy = busyCount(next.get(officerId)) - busyCount(officers.get(officerId));
        Map<String, Occupancy> corrected = new HashMap<>(windows);
        Instant from = later(at, lastAt.minus(LONGEST_SUMMED));
        for (KpiWindows.Window window : windowsBetween(from, lastAt, kpiWindows)) {
            String key = kpiWindows.keyOf(window);
            Occupancy occupancy = windows.getOrDefault(key, new Occupancy(window.end(), 0, 0, 0));
            // A window is observed from the group's earliest change on: before it (a change older than every
            // other) only this officer was seen, so that time becomes observed with this officer alone.
            Instant observedFrom = earlier(window.end(), lastAt).minusMillis(Math.round(occupancy.observedSeconds() * 1000));
            Instant start = later(from, window.start());
            Instant b = earlier(lastAt, window.end());
            Instant a = later(start, observedFrom);
            if (b.isAfter(a)) {
                occupancy = occupancy.recounted(moreAvailable, moreBusy, seconds(a, b));
            }
            Instant unobservedEnd = earlier(observedFrom, b);
            if (unobservedEnd.isAfter(start)) {
                occupancy = occupancy.plus(moreAvailable, moreBusy, seconds(start, unobservedEnd));
            }
            if (occupancy.observedSeconds() > 0) {
                corrected.put(key, occupancy);
            }
        }
        List<Step> recounted = new ArrayList<>();
        if (!steps.isEmpty() && steps.get(0).from().isAfter(at)) {
            recounted.add(new Step(at, moreAvailable, moreBusy));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Step since = new Step(later(step.from(), at), step.available() + moreAvailable, step.busy() + moreBusy);
            if (step.from().isBefore(at)) {
                recounted.add(step);
                if (i + 1 == steps.size() || steps.get(i + 1).from().isAfter(at)) {
                    recounted.add(since);
                }
            } else {
                recounted.add(since);
            }
        }
        List<Step> kept = recounted.size() > MAX_STEPS ? recounted.subList(recounted.size() - MAX_STEPS, recounted.size()) : recounted;
        return new GroupAvailability(next, lastAt, corrected, kept);
    }

    private static long availableCount(OfficerState state) {
        return state == OfficerState.AVAILABLE ? 1 : 0;
    }

    private static long busyCount(OfficerState state) {
        return state == null || state == OfficerState.AVAILABLE ? 0 : 1;
    }

    /** Without the steps no one asks about any more: those wholly before {@code asOfFloor}. */
    public GroupAvailability settledAt(Instant asOfFloor) {
        int first = 0;
        while (first + 1 < steps.size() && !steps.get(first + 1).from().isAfter(asOfFloor)) {
            first++;
        }
        return first == 0 ? this : withSteps(steps.subList(first, steps.size()));
    }

    private GroupAvailability withSteps(List<Step> kept) {
        return new GroupAvailability(officers, lastAt, windows, kept);
    }

    private static List<Step> stepped(List<Step> steps, Step step) {
        List<Step> next = new ArrayList<>(steps);
        if (!next.isEmpty() && next.get(next.size() - 1).from().equals(step.from())) {
            next.remove(next.size() - 1);
        }
        next.add(step);
        return next.size() > MAX_STEPS ? next.subList(next.size() - MAX_STEPS, next.size()) : next;
    }

    /**
     * The means over {@code window} as known at {@code asOf}: the time since the last change is
     * counted with the officers' current states. Empty when no part of the window is observed.
     */
    public Optional<Means> meansOver(KpiWindows.Window window, Instant asOf) {
        Occupancy occupancy = windows.getOrDefault(windowKey(window), new Occupancy(window.end(), 0, 0, 0));
        if (lastAt != null) {
            Instant from = later(lastAt, window.start());
            Instant to = earlier(asOf, window.end());
            if (to.isAfter(from)) {
                occupancy = occupancy.plus(available(), busy(), seconds(from, to));
            }
            occupancy = withoutTimeAfter(occupancy, window, asOf);
        }
        if (occupancy.observedSeconds() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Means(occupancy.availableSeconds() / occupancy.observedSeconds(),
                occupancy.busySeconds() / occupancy.observedSeconds()));
    }

    /**
     * The occupancy without the time from {@code asOf} to {@code lastAt} that falls in the window, as
     * far as the steps reach back (before the first step nothing was observed, or it was settled).
     */
    private Occupancy withoutTimeAfter(Occupancy occupancy, KpiWindows.Window window, Instant asOf) {
        Instant from = later(later(asOf, window.start()), lastAt.minus(LONGEST_SUMMED));
        Instant until = earlier(lastAt, window.end());
        if (!until.isAfter(from)) {
            return occupancy;
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Instant stepEnd = i + 1 < steps.size() ? steps.get(i + 1).from() : lastAt;
            Instant a = later(step.from(), from);
            Instant b = earlier(stepEnd, until);
            if (b.isAfter(a)) {
                occupancy = occupancy.plus(step.available(), step.busy(), -seconds(a, b));
            }
        }
        return occupancy;
    }

    /** The same group with {@code loaded} as its summed windows. */
    public GroupAvailability withWindows(Map<String, Occupancy> loaded) {
        return new GroupAvailability(officers, lastAt, loaded, steps);
    }

    public long available() {
        return officers.values().stream().filter(state -> state == OfficerState.AVAILABLE).count();
    }

    public long busy() {
        return officers.size() - available();
    }

    public static String windowKey(KpiWindows.Window window) {
        return window.size() + "|" + InstantText.of(window.start());
    }

    /**
     * The windows a change at {@code at} sums time into: from the latest change (or a week before
     * the change) up to it; for a change older than the latest, those from it up to the latest,
     * which it recounts. The KPI task loads just these ({@link #withWindows}) before the change.
     */
    public List<KpiWindows.Window> windowsSummedBy(Instant at, KpiWindows kpiWindows) {
        if (lastAt == null) {
            return List.of();
        }
        Instant until = later(at, lastAt);
        return windowsBetween(later(earlier(at, lastAt), until.minus(LONGEST_SUMMED)), until, kpiWindows);
    }

    private static List<KpiWindows.Window> windowsBetween(Instant start, Instant until, KpiWindows kpiWindows) {
        List<KpiWindows.Window> summed = new ArrayList<>();
        for (KpiWindow size : KpiWindow.values()) {
            Instant from = start;
            while (from.isBefore(until)) {
                KpiWindows.Window window = kpiWindows.windowOf(from, size);
                summed.add(window);
                from = earlier(until, window.end());
            }
        }
        return summed;
    }

    private Map<String, Occupancy> summedUpTo(Instant until, KpiWindows kpiWindows) {
        Map<String, Occupancy> summed = new HashMap<>(windows);
        long available = available();
        long busy = busy();
        Instant first = later(lastAt, until.minus(LONGEST_SUMMED));
        for (KpiWindows.Window window : windowsSummedBy(until, kpiWindows)) {
            double seconds = seconds(later(first, window.start()), earlier(until, window.end()));
            summed.merge(kpiWindows.keyOf(window), new Occupancy(window.end(), 0, 0, 0).plus(available, busy, seconds),
                    (old, added) -> old.plus(available, busy, seconds));
        }
        return summed;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
