package org.bluelight.metrics.response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.bluelight.metrics.state.InstantText;
import org.bluelight.schemas.KpiWindow;

/**
 * Tumbling KPI windows in local time: hours, and days from local midnight (23 or 25 hours long
 * on clock-change days), so a dashboard's "day" is the force's day.
 *
 * <p>The windows worked out are remembered with their key texts and local day: a status change read
 * late names every window back to its time, several times each, and the local-time arithmetic and
 * texts of the same few windows were a third of the KPI task's work. Not thread-safe: one per processor.
 */
public final class KpiWindows {

    /** Windows remembered at most; all are forgotten beyond it (a replay moves on through the year). */
    private static final int REMEMBERED = 4_096;

    /** One window: [start, end). */
    public record Window(KpiWindow size, Instant start, Instant end) {

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    /** A window worked out, with its {@link GroupAvailability#windowKey} and the local day it starts on. */
    private record Known(Window window, String key, long localDay) {
    }

    private final ZoneId zone;
    /** By size and the UTC hour (or day) of an instant: the window last found holding an instant there. */
    private final Map<Long, Known> known = new HashMap<>();

    public KpiWindows(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ZoneId zone() {
        return zone;
    }

    public Window windowOf(Instant instant, KpiWindow size) {
        return knownAt(instant, size).window();
    }

    /** {@link GroupAvailability#windowKey} of one of these windows. */
    public String keyOf(Window window) {
        return knownOf(window).key();
    }

    /** The epoch day of the local date {@code window} starts on. */
    public long localDayOf(Window window) {
        return knownOf(window).localDay();
    }

    private Known knownOf(Window window) {
        Known found = knownAt(window.start(), window.size());
        return found.window().equals(window) ? found : know(window);
    }

    /**
     * Tumbling windows do not overlap, so a window remembered near {@code instant} that holds it is the one;
     * any other is worked out. Buckets are UTC hours (days): a zone's offset off the hour only makes a bucket
     * hold one of two windows at a time.
     */
    private Known knownAt(Instant instant, KpiWindow size) {
        long bucket = (size == KpiWindow.HOUR ? Math.floorDiv(instant.getEpochSecond(), 3_600)
                : Math.floorDiv(instant.getEpochSecond(), 86_400)) * 2 + (size == KpiWindow.HOUR ? 0 : 1);
        Known found = known.get(bucket);
        if (found != null && found.window().contains(instant)) {
            return found;
        }
        if (known.size() >= REMEMBERED) {
            known.clear();
        }
        Known worked = know(workOut(instant, size));
        known.put(bucket, worked);
        return worked;
    }

    private Known know(Window window) {
        return new Known(window, window.size() + "|" + InstantText.of(window.start()),
                LocalDate.ofInstant(window.start(), zone).toEpochDay());
    }

    private Window workOut(Instant instant, KpiWindow size) {
        ZonedDateTime local = instant.atZone(zone);
        if (size == KpiWindow.HOUR) {
            // Truncation keeps the offset, so the repeated hour of an autumn night stays two windows.
            Instant hourStart = local.truncatedTo(ChronoUnit.HOURS).toInstant();
            return new Window(size, hourStart, hourStart.plus(1, ChronoUnit.HOURS));
        }
        ZonedDateTime dayStart = local.toLocalDate().atStartOfDay(zone);
        return new Window(size, dayStart.toInstant(), local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KpiWindows windows && windows.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "KpiWindows[zone=" + zone + "]";
    }
}
