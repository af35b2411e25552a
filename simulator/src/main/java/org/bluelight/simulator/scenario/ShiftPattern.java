package org.bluelight.simulator.scenario;

import java.time.LocalTime;
import java.util.List;

/**
 * The daily shifts a unit is crewed for, e.g. a 24/7 rota of three 8-hour shifts, or one day shift.
 * A crew joins at its shift's start and leaves at its end, finishing an in-progress task first.
 */
public record ShiftPattern(String name, List<Shift> shifts) {

    public ShiftPattern {
        ScenarioException.require(name != null && !name.isBlank(), "a shift pattern needs a name");
        ScenarioException.require(shifts != null && !shifts.isEmpty(), "shift pattern " + name + " needs shifts");
        shifts = List.copyOf(shifts);
    }

    /** One shift, starting every day at {@code start} local time. */
    public record Shift(LocalTime start, double hours) {

        public Shift {
            ScenarioException.require(start != null, "a shift needs a start");
            ScenarioException.require(hours > 0 && hours <= 24, "a shift lasts between 0 and 24 hours, not " + hours);
        }
    }
}
