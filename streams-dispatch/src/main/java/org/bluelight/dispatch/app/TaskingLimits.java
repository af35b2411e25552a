package org.bluelight.dispatch.app;

/**
 * How much the force's tasking desk may hold, so that a flood of valid but new officers or hot spots
 * cannot make its plans work without bound: each plan reads every officer it holds, weighs each
 * group's available officers against the cells with demand they could reach, and looks each group's
 * officers over for today's hot spots. A plan then costs at most {@code maxOfficers} officers weighed
 * against the map's cells and {@code maxHotSpots} hot spots.
 *
 * <p>An officer or a hot spot new to a full desk is refused with {@value #TASKING_FULL}, so its record
 * is dead-lettered with that reason (the dispatch desk still takes the officer's status).
 *
 * @param maxOfficers most officers, force-wide, the tasking desk holds (the West Midlands have about 7,000)
 * @param maxHotSpots most hot spots it holds (a trial has tens)
 */
public record TaskingLimits(int maxOfficers, int maxHotSpots) {

    public static final String TASKING_FULL = "tasking-full";

    public TaskingLimits {
        if (maxOfficers < 1 || maxHotSpots < 1) {
            throw new IllegalArgumentException("maxOfficers and maxHotSpots must be at least 1, were " + maxOfficers + " and "
                    + maxHotSpots);
        }
    }

    /** 25,000 officers (above the 10,000 units of bench telematics) and 2,000 hot spots. */
    public static TaskingLimits defaults() {
        return new TaskingLimits(25_000, 2_000);
    }
}
