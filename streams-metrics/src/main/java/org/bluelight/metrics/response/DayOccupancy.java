package org.bluelight.metrics.response;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A dispatch group's {@link GroupAvailability.Occupancy} of the KPI windows starting on one local
 * day (its hours and the day itself), stored as one entry: a status change read after later ones
 * recounts every window back to its time, and one entry per window (a dozen or more reads and
 * writes per change in a replay, whose partitions interleave hours apart) was the KPI task's
 * largest cost.
 *
 * @param windows by {@link GroupAvailability#windowKey}
 */
public record DayOccupancy(Map<String, GroupAvailability.Occupancy> windows) {

    public DayOccupancy {
        windows = Map.copyOf(windows);
    }

    /** The entry of the day {@code windowStart} falls on, in {@code zone}, for the group. */
    public static String key(String dispatchGroup, Instant windowStart, ZoneId zone) {
        return key(dispatchGroup, LocalDate.ofInstant(windowStart, zone).toEpochDay());
    }

    /** The entry of the window's local day ({@link KpiWindows#localDayOf}) for the group. */
    public static String key(String dispatchGroup, KpiWindows.Window window, KpiWindows kpiWindows) {
        return key(dispatchGroup, kpiWindows.localDayOf(window));
    }

    private static String key(String dispatchGroup, long localDay) {
        return dispatchGroup + "|" + localDay;
    }
}
