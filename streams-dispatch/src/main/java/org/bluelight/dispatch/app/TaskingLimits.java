package org.bluelight.dispatch.app;

/**
 * How much the force's tasking desk may hold, so that a flood of valid but new officers or hot spots
 * cannot make its plans work without bound: each plan reads every officer it holds, weighs each
 * group's available officers against the cells with demand they could reach, and looks each group's
 * officers over for today's hot spots. A plan then costs at most {@code maxOfficers} officers weighed
 * against the map's cells and {@code maxHotSpots} hot spots. Trial arms (one a hot spot a day, published ahead) are
 * kept from today on and at most {@code maxTrialArms} of them.
 *
 * <p>An officer, hot spot or trial arm new to a full desk is refused with {@value #TASKING_FULL}, so its record
 * is dead-lettered with that reason (the dispatch desk still takes the officer's status).
 *
 * @param maxOfficers  most officers, force-wide, the tasking desk holds (the West Midlands have about 7,000)
 * @param maxHotSpots  most hot spots it holds (a trial has tens)
 * @param maxTrialArms most hot-spot days with an arm it holds (a year's schedule of 20 hot spots is 7,300)
 */
public record TaskingLimits(int maxOfficers, int maxHotSpots, int maxTrialArms) {

    public static final String TASKING_FULL = "tasking-full";

    public TaskingLimits {
        if (maxOfficers < 1 || maxHotSpots < 1 || maxTrialArms < 1) {
            throw new IllegalArgumentException("maxOfficers, maxHotSpots and maxTrialArms must be at least 1, were "
                    + maxOfficers + ", " + maxHotSpots + " and " + maxTrialArms);
        }
    }

    /** 25,000 officers (above the 10,000 units of bench telematics), 2,000 hot spots and 100,000 trial arms. */
    public static TaskingLimits defaults() {
        return new TaskingLimits(25_000, 2_000, 100_000);
    }
}
