package org.bluelight.simulator.scenario;

import java.util.List;

/**
 * Shift patterns and the mid-shift break.
 *
 * @param breakMinutes how long a crew's break lasts (West Midlands: about 40)
 * @param breakAtShareOfShift when the break falls due on average, as a share of the shift (0.5 = halfway); it is
 *     taken at the end of the task in hand
 * @param breakSpreadShareOfShift the width of the window, centred on {@code breakAtShareOfShift}, over which the
 *     crews of one shift fall due for their break, as a share of the shift (0.25 on an 8-hour shift: between 3
 *     and 5 hours in); each crew's moment is drawn in it, so the crews of a shift do not all stop at once; absent
 *     or 0, every crew falls due at the same moment
 */
public record ShiftSpec(List<ShiftPattern> patterns, double breakMinutes, double breakAtShareOfShift,
                        Double breakSpreadShareOfShift) {

    public ShiftSpec {
        ScenarioException.require(patterns != null && !patterns.isEmpty(), "shifts.patterns needs at least one pattern");
        patterns = List.copyOf(patterns);
        ScenarioException.require(breakMinutes >= 0, "shifts.breakMinutes must be >= 0");
        ScenarioException.require(breakAtShareOfShift > 0 && breakAtShareOfShift < 1, "shifts.breakAtShareOfShift must be in (0, 1)");
        breakSpreadShareOfShift = breakSpreadShareOfShift == null ? 0.0 : breakSpreadShareOfShift;
        ScenarioException.require(breakSpreadShareOfShift >= 0
                        && breakAtShareOfShift - breakSpreadShareOfShift / 2 > 0 && breakAtShareOfShift + breakSpreadShareOfShift / 2 < 1,
                "shifts.breakSpreadShareOfShift must be >= 0 and keep the break window inside the shift");
    }

    public ShiftPattern pattern(String name) {
        return patterns.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new ScenarioException("no shift pattern named " + name));
    }
}
