package org.bluelight.metrics.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Maps instants to trial days. A trial day runs from {@code dayStart} local time (06:00:00 in the
 * Thames Valley trial) to one second before the next day's start, and is named by the local date
 * on which it starts. Local time is what matters, so a trial day spanning a clock change is 23
 * or 25 hours long.
 */
public record TrialDayClock(ZoneId zone, LocalTime dayStart) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
    public static final LocalTime DEFAULT_DAY_START = LocalTime.of(6, 0);

    public TrialDayClock {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStart, "dayStart");
    }

    /** The trial's own clock: 06:00 in Europe/London. */
    public static TrialDayClock thamesValley() {
        return new TrialDayClock(DEFAULT_ZONE, DEFAULT_DAY_START);
    }

    /** The trial day the instant falls on. */
    public LocalDate trialDayOf(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(dayStart) ? date.minusDays(1) : date;
    }

    /** First instant of the trial day. */
    public Instant startOf(LocalDate trialDay) {
        // atZone resolves a start inside a spring-forward gap to the first valid instant after it.
        return trialDay.atTime(dayStart).atZone(zone).toInstant();
    }

    /** First instant after the trial day (the start of the next one). */
    public Instant endOf(LocalDate trialDay) {
        return startOf(trialDay.plusDays(1));
    }
}
