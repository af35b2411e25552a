package org.bluelight.metrics.response;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.bluelight.schemas.KpiWindow;

/**
 * Tumbling KPI windows in local time: hours, and days from local midnight (23 or 25 hours long
 * on clock-change days), so a dashboard's "day" is the force's day.
 */
public record KpiWindows(ZoneId zone) {

    /** One window: [start, end). */
    public record Window(KpiWindow size, Instant start, Instant end) {
    }

    public Window windowOf(Instant instant, KpiWindow size) {
        ZonedDateTime local = instant.atZone(zone);
        if (size == KpiWindow.HOUR) {
            // Truncation keeps the offset, so the repeated hour of an autumn night stays two windows.
            Instant hourStart = local.truncatedTo(ChronoUnit.HOURS).toInstant();
            return new Window(size, hourStart, hourStart.plus(1, ChronoUnit.HOURS));
        }
        ZonedDateTime dayStart = local.toLocalDate().atStartOfDay(zone);
        return new Window(size, dayStart.toInstant(), local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }
}
