package org.bluelight.ops.bench.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run with crashes judged against an uninterrupted run of the same input: every recommendation
 * revision of the uninterrupted run published exactly once (none lost, none duplicated, none more),
 * and the last value of every key of every other output equal.
 *
 * @param lost       recommendation revisions of the uninterrupted run missing from the crash run
 * @param duplicated recommendation revisions published more often in the crash run than in the uninterrupted one
 * @param extra      recommendation revisions only the crash run published
 * @param different  other outputs whose keys or last values differ, as {@code topic key}
 */
public record CrashVerdict(List<String> lost, List<String> duplicated, List<String> extra, List<String> different) {

    static CrashVerdict of(CrashOutputs uninterrupted, CrashOutputs crashed) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Set<String> incidents = new TreeSet<>(uninterrupted.recommendations().keySet());
        incidents.addAll(crashed.recommendations().keySet());
        for (String incident : incidents) {
            Map<String, Integer> expected = counts(uninterrupted.recommendations().getOrDefault(incident, List.of()));
            Map<String, Integer> actual = counts(crashed.recommendations().getOrDefault(incident, List.of()));
            expected.forEach((revision, times) -> {
                int got = actual.getOrDefault(revision, 0);
                if (got < times) {
                    lost.add(incident + ": " + revision);
                } else if (got > times) {
                    duplicated.add(incident + " revision " + revision.substring(0, revision.indexOf(' ')) + " x" + got);
                }
            });
            actual.keySet().stream().filter(revision -> !expected.containsKey(revision))
                    .forEach(revision -> extra.add(incident + ": " + revision));
        }
        List<String> different = new ArrayList<>();
        Set<String> topics = new TreeSet<>(uninterrupted.latest().keySet());
        topics.addAll(crashed.latest().keySet());
        for (String topic : topics) {
            Map<String, String> expected = uninterrupted.latest().getOrDefault(topic, Map.of());
            Map<String, String> actual = crashed.latest().getOrDefault(topic, Map.of());
            Set<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                    different.add(topic + " " + key + ": " + expected.get(key) + " / " + actual.get(key));
                }
            }
        }
        return new CrashVerdict(lost, duplicated, extra, different);
    }

    private static Map<String, Integer> counts(List<String> revisions) {
        Map<String, Integer> counts = new HashMap<>();
        revisions.forEach(revision -> counts.merge(revision, 1, Integer::sum));
        return counts;
    }

    /**
     * The counts per output kind, printed before the first differences (a long list of them is cut
     * short): recommendation revisions lost, duplicated and only after crashes (with the incidents
     * they belong to), and the keys of each other output whose last value differs.
     */
    public String summary() {
        Map<String, Integer> differentByTopic = new java.util.TreeMap<>();
        different.forEach(d -> differentByTopic.merge(d.substring(0, d.indexOf(' ')), 1, Integer::sum));
        return String.format(java.util.Locale.ROOT,
                "Recommendation revisions: %d lost (%d incidents), %d duplicated, %d only after crashes; other outputs: %d keys different %s",
                lost.size(), lost.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().count(), duplicated.size(), extra.size(),
                different.size(), differentByTopic);
    }

    public boolean passed() {
        return lost.isEmpty() && duplicated.isEmpty() && extra.isEmpty() && different.isEmpty();
    }
}
