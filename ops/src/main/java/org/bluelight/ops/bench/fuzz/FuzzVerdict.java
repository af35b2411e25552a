package org.bluelight.ops.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A hostile run judged against the clean run of the same good records: every app healthy and caught
 * up, every undecodable record dead-lettered by every app that reads its topic, every output the
 * good records gave in the clean run given again (but for those that depend on the order the apps
 * read topics in: {@link GoodWorkload#ORDER_DEPENDENT}), no impossible value and no stray topic.
 */
public record FuzzVerdict(List<String> failures, Map<String, Set<String>> missingOutputs) {

    public static FuzzVerdict of(FuzzReport clean, FuzzReport hostile) {
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> missing = new TreeMap<>();
        clean.outputKeys().forEach((topic, keys) -> {
            Set<String> absent = new TreeSet<>(keys);
            absent.removeAll(hostile.outputKeys().getOrDefault(topic, Set.of()));
            absent.removeAll(GoodWorkload.ORDER_DEPENDENT.getOrDefault(topic, Set.of()));
            if (!absent.isEmpty()) {
                missing.put(topic, absent);
                failures.add(topic + ": " + absent.size() + " of the clean run's " + keys.size() + " keys missing, e.g. "
                        + absent.iterator().next());
            }
        });
        FuzzCampaign.OUTPUTS.stream().map(topic -> topic.topicName())
                .filter(topic -> clean.outputKeys().getOrDefault(topic, Set.of()).isEmpty())
                .forEach(topic -> failures.add("clean run: nothing on " + topic + " to compare the hostile run with"));
        clean.goodTrialDays().forEach((key, value) -> {
            String after = hostile.goodTrialDays().get(key);
            if (after != null && !after.equals(value)) {
                failures.add("metrics.hotspot-trial " + key + ": " + value + " in the clean run, " + after + " in the hostile run");
            }
        });
        for (FuzzReport run : List.of(clean, hostile)) {
            String which = run.hostile() ? "hostile run" : "clean run";
            run.unhealthyApps().forEach(app -> failures.add(which + ": unhealthy " + app));
            run.lag().forEach((app, behind) -> {
                if (behind != 0) {
                    failures.add(which + ": " + app + " still " + behind + " records behind");
                }
            });
            run.notDeadLettered().forEach(record -> failures.add(which + ": not dead-lettered: " + record));
            run.impossibleOutputs().forEach(output -> failures.add(which + ": impossible output: " + output));
            run.unexpectedTopics().forEach(topic -> failures.add(which + ": unexpected topic " + topic));
        }
        return new FuzzVerdict(List.copyOf(failures), missing);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
