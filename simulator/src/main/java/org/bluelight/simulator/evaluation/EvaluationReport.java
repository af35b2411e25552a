package org.bluelight.simulator.evaluation;

import java.util.List;
import java.util.Optional;

/** Every replication's result, and per policy the summary with intervals. */
public record EvaluationReport(EvaluationPlan plan, List<ReplicationResult> replications, List<PolicySummary> summaries,
                               double wallSeconds) {

    public EvaluationReport {
        replications = List.copyOf(replications);
        summaries = List.copyOf(summaries);
    }

    public Optional<PolicySummary> summary(String policy) {
        return summaries.stream().filter(s -> s.policy().equals(policy)).findFirst();
    }
}
