package org.bluelight.simulator.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The West Midlands figures a simulated force must reproduce before its policy results mean anything (document
 * 003, West Midlands Police, Agent Based Response Time Simulation, 2020, section 5: 2019 figures, ranges are the
 * 10% and 90% quantiles), with the tolerances of the calibration goal.
 */
public final class Calibration {

    /** Morning hours whose grade 1 times the document contrasts with noon to 23:00. */
    public static final int MORNING_FROM = 6;
    public static final int MORNING_TO = 9;
    public static final int AFTERNOON_FROM = 12;
    public static final int AFTERNOON_TO = 23;

    private static final String DOC = "003 s.5";

    public static final List<CalibrationTarget> WEST_MIDLANDS = List.of(
            CalibrationTarget.within("P1 median response (min)", DOC + ": 13.8 min, +-15%", 13.8, 0.15,
                    ReplicationResult::grade1MedianMinutes),
            CalibrationTarget.within("P1 response 10% quantile (min)", DOC + ": 6 min, +-25%", 6, 0.25,
                    ReplicationResult::grade1P10Minutes),
            CalibrationTarget.within("P1 response 90% quantile (min)", DOC + ": 36 min, +-25%", 36, 0.25,
                    ReplicationResult::grade1P90Minutes),
            new CalibrationTarget("incidents a week", DOC + ": median 4,740, 10-90% 4,542-4,812", 4542, 4812,
                    r -> r.force().incidentsPerWeek()),
            new CalibrationTarget("P1 share of incidents", DOC + ": ~63%, +-3 points", 0.60, 0.66,
                    r -> r.force().grade1Share()),
            new CalibrationTarget("arrests a week", DOC + ": ~255, 10-90% 228-317", 228, 317,
                    r -> r.force().arrestsPerWeek()),
            CalibrationTarget.within("time on scene median (min)", DOC + ": 75 min, +-15%", 75, 0.15,
                    r -> r.force().sceneMedianMinutes()),
            CalibrationTarget.within("time on scene 10% quantile (min)", DOC + ": 12 min, +-25%", 12, 0.25,
                    r -> r.force().sceneP10Minutes()),
            CalibrationTarget.within("time on scene 90% quantile (min)", DOC + ": 265 min, +-25%", 265, 0.25,
                    r -> r.force().sceneP90Minutes()),
            new CalibrationTarget("P1 median 12-23h minus 06-09h (min)", DOC + ": above target noon-23:00, low demand 6-9am",
                    1e-9, Double.POSITIVE_INFINITY, Calibration::afternoonOverMorning));

    private Calibration() {
    }

    /** Mean hourly P1 median from noon to 23:00 minus that from 06:00 to 09:00. */
    static double afternoonOverMorning(ReplicationResult r) {
        return r.force().grade1MedianOver(AFTERNOON_FROM, AFTERNOON_TO) - r.force().grade1MedianOver(MORNING_FROM, MORNING_TO);
    }

    public static List<CalibrationTarget.Check> check(List<CalibrationTarget> targets, List<ReplicationResult> results) {
        List<CalibrationTarget.Check> checks = new ArrayList<>();
        for (CalibrationTarget target : targets) {
            checks.add(target.check(results));
        }
        return checks;
    }

    /** Per local hour, the grade 1 median across replications with its interval. */
    public static List<Interval> grade1MedianByHour(List<ReplicationResult> results) {
        List<Interval> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            int hour = h;
            hours.add(Interval.of(results.stream().map(r -> r.force().grade1MedianByHour().get(hour))
                    .filter(Double::isFinite).toList()));
        }
        return hours;
    }
}
