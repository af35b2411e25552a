package org.bluelight.coverage.demand;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How demand is estimated from past incidents.
 *
 * @param halfLife    an incident this old weighs half as much as one today
 * @param windowWeeks incidents older than this many weeks are forgotten; whole weeks, so every
 *                    hour of the week is seen equally often
 * @param zone        the local time zone that defines the hour of the week
 * @param maxIncidentsPerCell how many incidents one cell keeps within the window: each change of the cell
 *                    reads and rewrites all of them, so a flood in one place must not make every later
 *                    record there cost more; a new incident beyond it is refused ({@value #CELL_FULL})
 */
public record DemandSettings(Duration halfLife, int windowWeeks, ZoneId zone, int maxIncidentsPerCell) {

    /** The dead-letter reason of an incident refused by a cell that holds {@code maxIncidentsPerCell}. */
    public static final String CELL_FULL = "cell-incidents-full";
    /** Far above the busiest cell's grade 1–2 incidents in 12 weeks (tens a day at most). */
    public static final int DEFAULT_MAX_INCIDENTS_PER_CELL = 5_000;

    public DemandSettings(Duration halfLife, int windowWeeks, ZoneId zone) {
        this(halfLife, windowWeeks, zone, DEFAULT_MAX_INCIDENTS_PER_CELL);
    }

    public DemandSettings {
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("Demand half-life must be positive, was " + halfLife);
        }
        if (windowWeeks < 1) {
            throw new IllegalArgumentException("Demand window must be at least 1 week, was " + windowWeeks);
        }
        if (maxIncidentsPerCell < 1) {
            throw new IllegalArgumentException("A cell must hold at least 1 incident, was " + maxIncidentsPerCell);
        }
    }

    public static DemandSettings defaults() {
        return new DemandSettings(Duration.ofDays(28), 12, ZoneId.of("Europe/London"));
    }

    public Duration window() {
        return Duration.ofDays(7L * windowWeeks);
    }
}
