package org.bluelight.simulator.force;

import java.time.Instant;

/**
 * One crew's shift on one unit.
 *
 * @param breakDue when the mid-shift break falls due (taken at the end of the task in hand)
 */
public record CrewShift(Unit unit, Instant start, Instant end, Instant breakDue) {

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
