package org.bluelight.metrics.response;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * @param officers each on-duty officer's latest state
 * @param lastAt   the latest status change applied; time before it is summed into {@code windows}
 * @param windows  per window ({@link #windowKey}), the officer-seconds summed so far
 */
public record GroupAvailability(Map<String, OfficerState> officers, Instant lastAt, Map<String, Occupancy> windows) {

    /**
     * How far back before a change its time is summed into windows. Longer gaps (a group silent
     * for a week, or a change dated years away) sum only this last part: the windows before it
     * closed long ago (a day plus its grace). So a change costs at most a week of hourly windows.
     */
    public static final Duration LONGEST_SUMMED = Duration.ofDays(7);

    /** Officer-seconds in one window up to {@code lastAt}; {@code observedSeconds} is the time they cover. */
    public record Occupancy(Instant end, double availableSeconds, double busySeconds, double observedSeconds) {

        Occupancy plus(double available, double busy, double seconds) {
            return new Occupancy(end, availableSeconds + available * seconds, busySeconds + busy * seconds, observedSeconds + seconds);
        }
    }

    /** Time-weighted mean numbers of available and busy officers over (the observed part of) a window. */
    public record Means(double available, double busy) {
    }

    public GroupAvailability {
        officers = Map.copyOf(officers);
        windows = Map.copyOf(windows);
    }

    public static GroupAvailability unseen() {
        return new GroupAvailability(Map.of(), null, Map.of());
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
        return new GroupAvailability(next, effective, summed);
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
        }
        if (occupancy.observedSeconds() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Means(occupancy.availableSeconds() / occupancy.observedSeconds(),
                occupancy.busySeconds() / occupancy.observedSeconds()));
    }

    /** Without the windows that ended before {@code cutoff}. */
    public GroupAvailability withoutWindowsEndedBefore(Instant cutoff) {
        Map<String, Occupancy> kept = new HashMap<>(windows);
        kept.values().removeIf(occupancy -> occupancy.end().isBefore(cutoff));
        return kept.size() == windows.size() ? this : new GroupAvailability(officers, lastAt, kept);
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

    private Map<String, Occupancy> summedUpTo(Instant until, KpiWindows kpiWindows) {
        Map<String, Occupancy> summed = new HashMap<>(windows);
        long available = available();
        long busy = busy();
        for (KpiWindow size : KpiWindow.values()) {
            Instant from = later(lastAt, until.minus(LONGEST_SUMMED));
            while (from.isBefore(until)) {
                KpiWindows.Window window = kpiWindows.windowOf(from, size);
                Instant to = earlier(until, window.end());
                double seconds = seconds(from, to);
                summed.merge(windowKey(window), new Occupancy(window.end(), 0, 0, 0).plus(available, busy, seconds),
                        (old, added) -> old.plus(available, busy, seconds));
                from = to;
            }
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
