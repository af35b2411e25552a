package org.bluelight.metrics.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.schemas.KpiWindow;

/**
 * One dispatch group's response times for one grade in one KPI window, kept whole so median and
 * p90 are exact; {@code closed} once its final figures have been published.
 */
public record GradeWindow(String dispatchGroup, int grade, KpiWindow size, Instant start, Instant end,
                          List<Double> seconds, boolean closed) {

    public GradeWindow {
        seconds = List.copyOf(seconds);
    }

    public static GradeWindow empty(String dispatchGroup, int grade, KpiWindows.Window window) {
        return new GradeWindow(dispatchGroup, grade, window.size(), window.start(), window.end(), List.of(), false);
    }

    public static String key(String dispatchGroup, int grade, KpiWindows.Window window) {
        return dispatchGroup + "|" + grade + "|" + GroupAvailability.windowKey(window);
    }

    /** The same key, from the window's {@link GroupAvailability#windowKey}. */
    public static String key(String dispatchGroup, int grade, String windowKey) {
        return dispatchGroup + "|" + grade + "|" + windowKey;
    }

    public GradeWindow plus(double sample) {
        List<Double> next = new ArrayList<>(seconds);
        next.add(sample);
        return new GradeWindow(dispatchGroup, grade, size, start, end, next, closed);
    }

    public GradeWindow asClosed() {
        return new GradeWindow(dispatchGroup, grade, size, start, end, seconds, true);
    }

    public KpiWindows.Window window() {
        return new KpiWindows.Window(size, start, end);
    }
}
