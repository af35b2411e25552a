package org.bluelight.simulator.scenario;

import java.util.List;

/**
 * Shift patterns and the mid-shift break.
 *
 * @param breakMinutes how long a crew's break lasts (West Midlands: about 40)
 * @param breakAtShareOfShift when the break falls due, as a share of the shift (0.5 = halfway); it is taken at
 *     the end of the task in hand
 */
public record ShiftSpec(List<ShiftPattern> patterns, double breakMinutes, double breakAtShareOfShift) {

    public ShiftSpec {
        ScenarioException.require(patterns != null && !patterns.isEmpty(), "shifts.patterns needs at least one pattern");
        patterns = List.copyOf(patterns);
        ScenarioException.require(breakMinutes >= 0, "shifts.breakMinutes must be >= 0");
        ScenarioException.require(breakAtShareOfShift > 0 && breakAtShareOfShift < 1, "shifts.breakAtShareOfShift must be in (0, 1)");
    }

    public ShiftPattern pattern(String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ScenarioException("no shift pattern named " + name));
    }
}
