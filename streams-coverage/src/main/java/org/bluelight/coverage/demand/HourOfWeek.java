package org.bluelight.coverage.demand;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** An hour of the week in local time: 0 is Monday 00:00–01:00, 167 is Sunday 23:00–24:00. */
public record HourOfWeek(int value) {

    public static final int HOURS_PER_WEEK = 168;

    public HourOfWeek {
        if (value < 0 || value >= HOURS_PER_WEEK) {
            throw new IllegalArgumentException("Hour of week must be 0 to 167, was " + value);
        }
    }

    public static HourOfWeek of(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return new HourOfWeek((local.getDayOfWeek().getValue() - 1) * 24 + local.getHour());
    }
}
