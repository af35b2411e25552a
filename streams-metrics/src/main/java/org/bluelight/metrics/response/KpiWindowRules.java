package org.bluelight.metrics.response;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.schemas.KpiWindow;

/**
 * When a response sample still counts towards its KPI windows, and when windows close and go.
 *
 * <p>A window is closed (its final figures published) once stream time reaches its end. Whether a
 * sample is late, and when a window is dropped, go by the samples' own clock (a low watermark of
 * the tasks sending samples, see {@link SourceWatermarks}): status changes reach the KPI task one hop
 * earlier than the samples (which pass the first-arrival tracker), so under a backlog they run hours
 * ahead in stream time, and judging by it refused most samples as late.
 *
 * @param grace a window takes samples until this long after its end
 * @param sweepInterval the sample clock sweeps for windows to drop once per interval it enters
 */
public record KpiWindowRules(KpiWindows windows, Duration grace, Duration sweepInterval) {

    /** A sample's window of one size, and whether the sample came too late for it. */
    public record Placement(KpiWindows.Window window, boolean late) {
    }

    /**
     * The sample clock after a sample at {@code timestamp}.
     *
     * @param latest the latest sample time seen, in epoch millis
     * @param sweep true when the clock has just entered a new sweep interval (or started)
     */
    public record Tick(long latest, boolean sweep) {

        public Instant now() {
            return Instant.ofEpochMilli(latest);
        }
    }

    /** The sample's hourly and daily windows, each marked late when past its grace by {@code sampleClock}. */
    public List<Placement> place(Instant firstArrivalAt, Instant sampleClock) {
        List<Placement> placements = new ArrayList<>();
        for (KpiWindow size : KpiWindow.values()) {
            KpiWindows.Window window = windows.windowOf(firstArrivalAt, size);
            placements.add(new Placement(window, window.end().plus(grace).isBefore(sampleClock)));
        }
        return placements;
    }

    /** Moves the sample clock ({@code latest}, null before the first sample) on to {@code timestamp}; it never goes back. */
    public Tick tick(Long latest, long timestamp) {
        if (latest != null && timestamp <= latest) {
            return new Tick(latest, false);
        }
        long interval = sweepInterval.toMillis();
        return new Tick(timestamp, latest == null || timestamp / interval != latest / interval);
    }

    /**
     * As of when a sample's KPI gives its window's officer means: the sample clock while the window
     * runs, its whole length once it has ended by stream time. Stream time, driven by the status
     * changes a hop ahead, may close a window before its last samples arrive (mostly on a backlog,
     * seldom live); as of the sample clock those would publish last, with a part of the window.
     */
    public Instant meansAsOf(KpiWindows.Window window, Instant sampleClock, Instant streamTime) {
        return window.end().isAfter(streamTime) ? sampleClock : window.end();
    }

    /** True when the window has ended by {@code streamTime} and its final figures are not yet published. */
    public boolean closesBy(GradeWindow window, Instant streamTime) {
        return !window.closed() && !window.end().isAfter(streamTime);
    }

    /** True when the window is past its grace by the sample clock, so it is dropped (closed first if need be). */
    public boolean droppedBy(GradeWindow window, Instant sampleClock) {
        return window.end().isBefore(droppedEndingBefore(sampleClock));
    }

    /** Windows ending before this are dropped by {@code sampleClock}. */
    public Instant droppedEndingBefore(Instant sampleClock) {
        return sampleClock.minus(grace);
    }

    /** Officer availability is kept for windows that end at or after this. */
    public Instant availabilityKeptFrom(Instant streamTime) {
        return streamTime.minus(grace);
    }
}
