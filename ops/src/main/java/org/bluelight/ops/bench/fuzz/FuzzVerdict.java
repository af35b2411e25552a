package org.bluelight.ops.bench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A hostile run judged against the clean run of the same good records: every app healthy and caught
 * up, every undecodable record dead-lettered by every app that reads its topic, every decodable one
 * processed or dead-lettered (and, where it has an output of its own, given it), every dead letter
 * with a reason code, every output the good records gave in the clean run given again with the same
 * last value (but for those that depend on the order the apps read topics in:
 * {@link GoodWorkload#ORDER_DEPENDENT}), no impossible value and no stray topic.
 */
public record FuzzVerdict(List<String> failures, Map<String, Set<String>> missingOutputs) {

    /** A dead letter's reason is a code such as {@code invalid-id}; an exception's class name there is a failure nobody foresaw. */
    static final Pattern REASON_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** How much of a differing value a failure quotes. */
    private static final int QUOTED = 240;

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
        differentValues(clean.goodValues(), hostile.goodValues()).forEach(failures::add);
        hostile.deadLetters().forEach((topic, reasons) -> reasons.keySet().stream()
                .filter(reason -> !REASON_CODE.matcher(reason).matches())
                .forEach(reason -> failures.add(topic + ": " + reasons.get(reason) + " dead letters without a reason code: " + reason)));
        hostile.unprocessed().forEach(record -> failures.add("hostile run: not processed: " + record));
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

    /**
     * Keys whose last value in {@code actual} differs from {@code expected}'s, as failures; keys
     * {@code actual} lacks and the order-dependent ones are left to the check of keys.
     */
    static List<String> differentValues(Map<String, Map<String, String>> expected, Map<String, Map<String, String>> actual) {
        List<String> different = new ArrayList<>();
        expected.forEach((topic, values) -> values.forEach((key, value) -> {
            String got = actual.getOrDefault(topic, Map.of()).get(key);
            if (got != null && !got.equals(value) && !GoodWorkload.ORDER_DEPENDENT.getOrDefault(topic, Set.of()).contains(key)) {
                int from = Math.max(0, firstDifference(got, value) - QUOTED / 3);
                different.add(topic + " " + key + ": last value ..." + quoted(got.substring(from)) + " in the hostile run, ..."
                        + quoted(value.substring(from)) + " in the clean run");
            }
        }));
        return different;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

        private static String quoted(String value) {
        return value.length() <= QUOTED ? value : value.substring(0, QUOTED) + "...";
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
