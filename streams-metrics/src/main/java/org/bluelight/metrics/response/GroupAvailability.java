package org.bluelight.metrics.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * order across officers) takes effect at {@code lastAt}: time already summed is not rewritten.
     */
    public GroupAvailability on(String officerId, OfficerState state, Instant at, KpiWindows kpiWindows) {
        Instant effective = lastAt == null || at.isAfter(lastAt) ? at : lastAt;
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
        return window.size() + "|" + window.start();
    }

    /**
     * The windows a change at {@code at} sums time into: from the latest change (or a week before
     * the change) up to it. The KPI task loads just these ({@link #withWindows}) before the change.
     */
    public List<KpiWindows.Window> windowsSummedBy(Instant at, KpiWindows kpiWindows) {
        if (lastAt == null) {
            return List.of();
        }
        Instant until = later(at, lastAt);
        List<KpiWindows.Window> summed = new ArrayList<>();
        for (KpiWindow size : KpiWindow.values()) {
            Instant from = later(lastAt, until.minus(LONGEST_SUMMED));
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
            summed.merge(windowKey(window), new Occupancy(window.end(), 0, 0, 0).plus(available, busy, seconds),
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
