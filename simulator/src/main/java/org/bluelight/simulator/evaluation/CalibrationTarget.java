package org.bluelight.simulator.evaluation;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One figure a calibrated force must reproduce: the simulated mean across replications must fall in
 * {@code [low, high]}.
 *
 * @param figure what is measured, e.g. "P1 median response (min)"
 * @param source where the target comes from
 * @param low lowest value that passes
 * @param high highest value that passes
 * @param measure the figure in one replication
 */
public record CalibrationTarget(String figure, String source, double low, double high,
                                ToDoubleFunction<ReplicationResult> measure) {

    /** A target value with a relative tolerance, e.g. 13.8 min ± 15%. */
    static CalibrationTarget within(String figure, String source, double value, double tolerance,
                                    ToDoubleFunction<ReplicationResult> measure) {
        return new CalibrationTarget(figure, source, value * (1 - tolerance), value * (1 + tolerance), measure);
    }

    public Check check(List<ReplicationResult> results) {
        Interval simulated = PolicySummary.over(results, measure);
        boolean pass = simulated.mean() >= low && simulated.mean() <= high;
        return new Check(figure, source, low, high, simulated, pass);
    }

    /** The outcome of a target: the simulated mean with its 95% interval, and whether the mean is in range. */
    public record Check(String figure, String source, double low, double high, Interval simulated, boolean pass) {
    }
}
