package org.bluelight.simulator.evaluation;

import java.util.List;

/**
 * What one replication measured of the force itself, for calibration against the West Midlands figures
 * (document 003): volumes, arrests, time on scene and grade 1 response by hour of the day.
 *
 * @param weeks measured weeks (after the warm-up)
 * @param incidents calls reported in the measured weeks, every grade
 * @param grade1Incidents of those, grade 1
 * @param arrests arrests made: incidents ending in an arrest that a double crew reached
 * @param sceneMedianMinutes median time a crew spent on scene (arrival to leaving), with its 10% and 90% quantiles
 * @param grade1MedianByHour median grade 1 response by local hour the call came in (24 values; NaN for an hour
 *     without grade 1 calls)
 */
public record ForceFigures(double weeks, int incidents, int grade1Incidents, int arrests, double sceneMedianMinutes,
                           double sceneP10Minutes, double sceneP90Minutes, List<Double> grade1MedianByHour) {

    public ForceFigures {
        grade1MedianByHour = List.copyOf(grade1MedianByHour);
    }

    public double incidentsPerWeek() {
        return incidents / weeks;
    }

    public double arrestsPerWeek() {
        return arrests / weeks;
    }

    public double grade1Share() {
        return incidents == 0 ? Double.NaN : grade1Incidents / (double) incidents;
    }

    /** Mean of the hourly grade 1 medians over local hours {@code [fromHour, toHour)}. */
    public double grade1MedianOver(int fromHour, int toHour) {
        return grade1MedianByHour.subList(fromHour, toHour).stream().mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).average().orElse(Double.NaN);
    }
}
