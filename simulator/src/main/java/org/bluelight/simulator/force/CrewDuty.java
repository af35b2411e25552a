package org.bluelight.simulator.force;

import java.time.Instant;

/**
 * Where one unit's crews stand in their shifts and break: the shift on duty, the next crew waiting to take over
 * the vehicle, and whether the shift is over or the break is due while the unit is busy. Both the evaluation and
 * the live simulator make these decisions here; what the unit is doing (its {@code OfficerState}) stays with them
 * and is passed in.
 */
public final class CrewDuty {

    /** What a unit does once its task is done. */
    public enum WhenFree { OFF_DUTY, BREAK, AVAILABLE }

    private CrewShift shift;
    private CrewShift pending;
    private boolean shiftOver;
    private boolean breakDue;
    private boolean breakTaken;

    /** The shift on duty; null while off duty. */
    public CrewShift shift() {
        return shift;
    }

    /** A shift comes round: true when its crew starts now; otherwise it waits for the crew on duty to finish. */
    public boolean shiftStarts(CrewShift next, boolean offDuty) {
        if (!offDuty) {
            pending = next;
            return false;
        }
        return true;
    }

    /** The crew of {@code next} takes the unit; {@code breakAlreadyTaken} when its break lies before the run. */
    public void start(CrewShift next, boolean breakAlreadyTaken) {
        shift = next;
        pending = null;
        shiftOver = false;
        breakDue = false;
        breakTaken = breakAlreadyTaken;
    }

    /** Whether the crew should start a break for {@code shift} now; a busy crew takes it once free. */
    public boolean breakStartsNow(CrewShift of, boolean available) {
        if (shift != of || breakTaken) {
            return false;
        }
        if (available) {
            return true;
        }
        breakDue = true;
        return false;
    }

    public void takeBreak() {
        breakTaken = true;
        breakDue = false;
    }

    /** Whether the crew goes off duty when {@code ending} ends; a crew that cannot leave now does so once free. */
    public boolean shiftEnds(CrewShift ending, boolean canLeaveNow) {
        if (shift != ending) {
            return false;
        }
        if (canLeaveNow) {
            return true;
        }
        shiftOver = true;
        return false;
    }

    /** What the crew does once its task is done: leave when its shift is over, else take a break owed, else work. */
    public WhenFree whenFree() {
        if (shiftOver) {
            return WhenFree.OFF_DUTY;
        }
        if (breakDue && !breakTaken) {
            return WhenFree.BREAK;
        }
        return WhenFree.AVAILABLE;
    }

    /** The crew goes off duty; returns the waiting shift to start now, or null when none is left to run. */
    public CrewShift end(Instant now) {
        shift = null;
        shiftOver = false;
        CrewShift next = pending;
        pending = null;
        return next != null && next.end().isAfter(now) ? next : null;
    }
}
