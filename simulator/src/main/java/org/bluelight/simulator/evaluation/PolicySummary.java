package org.bluelight.simulator.evaluation;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One policy's results across replications, each figure a mean with its 95% interval. */
public record PolicySummary(String policy, Interval grade1Median, Interval grade1P90, Interval grade1WithinTarget,
                            Interval grade2WithinTarget, Interval kmPerIncident, Interval availability,
                            Interval peakBacklog, int grade1Incidents, int grade2Incidents, int unattended,
                            Interval grade1P10, Interval busyGrade1Median, Interval busyGrade1WithinTarget) {

    public static PolicySummary of(String policy, List<ReplicationResult> results) {
        return new PolicySummary(policy,
                over(results, ReplicationResult::grade1MedianMinutes),
                over(results, ReplicationResult::grade1P90Minutes),
                over(results, ReplicationResult::grade1WithinTarget),
                over(results, ReplicationResult::grade2WithinTarget),
                over(results, ReplicationResult::kmPerIncident),
                over(results, ReplicationResult::availability),
                over(results, ReplicationResult::peakBacklog),
                results.stream().mapToInt(ReplicationResult::grade1Count).sum(),
                results.stream().mapToInt(ReplicationResult::grade2Count).sum(),
                results.stream().mapToInt(ReplicationResult::unattended).sum(),
                over(results, ReplicationResult::grade1P10Minutes),
                over(results, ReplicationResult::busyGrade1MedianMinutes),
                over(results, ReplicationResult::busyGrade1WithinTarget));
    }

    static Interval over(List<ReplicationResult> results, ToDoubleFunction<ReplicationResult> figure) {
        return Interval.of(results.stream().map(r -> figure.applyAsDouble(r)).toList());
    }
}
