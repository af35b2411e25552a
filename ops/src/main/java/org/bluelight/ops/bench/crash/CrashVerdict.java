package org.bluelight.ops.bench.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run with crashes judged against an uninterrupted run of the same input.
 *
 * <p>Always: the dispatch desk read every record the uninterrupted run's desk read, each exactly as
 * often (its input as a multiset, per group), and the last value of every key of every other output
 * is equal. Recommendations are judged by what the input determines:
 * <ul>
 *   <li>With one partition per topic, one task writes the desk's input, in record-time order, so
 *       the desk reads the same records in the same order in both runs: every recommendation
 *       revision of the uninterrupted run must be published exactly once (none lost, none
 *       duplicated, none more), content and all.</li>
 *   <li>With more, the desk reads its group's records in the order the tasks of the input
 *       partitions happened to write them; a task taken over after a kill writes its backlog late,
 *       so the desk can see an incident before a status change that came first, and recommend
 *       differently (different candidates, one revision more or fewer). That is the order the
 *       desk read, not a loss: an uninterrupted run need not repeat it. So each incident's
 *       revisions must run 1 to n with each number published exactly once (a lost or repeated
 *       transaction of the desk would leave a gap or a number twice), the same incidents must be
 *       recommended, and each incident's last revision must have the same status.</li>
 * </ul>
 * And whatever the partitions, each run's recommendations must be, revision by revision and content
 * and all, what its own desk input gives when replayed through the desk in the order the desk read
 * it ({@link CrashOutputs#replayed()}): the desk decides from its input alone, so a difference is a
 * desk transaction lost, repeated or torn between its input and its output. That holds the crash
 * run to its own input where the order of that input is the run's own business.
 *
 * @param lost       recommendation revisions or desk inputs of the uninterrupted run missing from the crash run, and
 *                   revisions a run's replayed desk input gives that the run did not publish
 * @param duplicated recommendation revisions or desk inputs the crash run published more often, or a run more often than its
 *                   replayed desk input gives them
 * @param extra      recommendation revisions or desk inputs only the crash run published, and revisions a run published
 *                   that its replayed desk input does not give
 * @param different  other outputs whose keys or last values differ, as {@code topic key}
 * @param reordered  with several partitions, the incidents whose revisions differ in content or number from the
 *                   uninterrupted run's while passing the checks above: told, not judged
 */
public record CrashVerdict(List<String> lost, List<String> duplicated, List<String> extra, List<String> different,
                           List<String> reordered) {

    private static final Pattern STATUS = Pattern.compile("\"status\": \"(\\w+)\"");
    /** Between a run's name and an incident: the revisions judged against the run's own desk input replayed. */
    private static final String AGAINST_REPLAY = " against its desk input, ";

    /** @param partitions partitions of every topic: with one, recommendations are compared revision by revision */
    static CrashVerdict of(CrashOutputs uninterrupted, CrashOutputs crashed, int partitions) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        List<String> different = new ArrayList<>();
        List<String> reordered = new ArrayList<>();
        Set<String> incidents = new TreeSet<>(uninterrupted.recommendations().keySet());
        incidents.addAll(crashed.recommendations().keySet());
        for (String incident : incidents) {
            List<String> expected = uninterrupted.recommendations().getOrDefault(incident, List.of());
            List<String> actual = crashed.recommendations().getOrDefault(incident, List.of());
            if (partitions == 1) {
                compare(incident, expected, actual, " revision ", lost, duplicated, extra);
            } else {
                compareNumbering(incident, expected, actual, lost, duplicated, extra, different);
                if (!expected.isEmpty() && !actual.isEmpty() && !counts(expected).equals(counts(actual))) {
                    reordered.add(incident);
                }
            }
        }
        compareWithReplay("uninterrupted run", uninterrupted, lost, duplicated, extra);
        compareWithReplay("crash run", crashed, lost, duplicated, extra);
        Set<String> groups = new TreeSet<>(uninterrupted.deskInputs().keySet());
        groups.addAll(crashed.deskInputs().keySet());
        for (String group : groups) {
            compare("desk input " + group, uninterrupted.deskInputs().getOrDefault(group, List.of()),
                    crashed.deskInputs().getOrDefault(group, List.of()), " ", lost, duplicated, extra);
        }
        Set<String> topics = new TreeSet<>(uninterrupted.latest().keySet());
        topics.addAll(crashed.latest().keySet());
        for (String topic : topics) {
            Map<String, String> expected = uninterrupted.latest().getOrDefault(topic, Map.of());
            Map<String, String> actual = crashed.latest().getOrDefault(topic, Map.of());
            Set<String> keys = new TreeSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                if (!Objects.equals(expected.get(key), actual.get(key))) {
                    different.add(topic + " " + key + ": " + expected.get(key) + " / " + actual.get(key));
                }
            }
        }
        return new CrashVerdict(lost, duplicated, extra, different, reordered);
    }

    /** Every item of {@code expected} in {@code actual} exactly as often, and nothing else. */
    private static void compare(String what, List<String> expected, List<String> actual, String separator, List<String> lost,
                                List<String> duplicated, List<String> extra) {
        Map<String, Integer> want = counts(expected);
        Map<String, Integer> got = counts(actual);
        want.forEach((item, times) -> {
            int seen = got.getOrDefault(item, 0);
            if (seen < times) {
                lost.add(what + ": " + item);
            } else if (seen > times) {
                duplicated.add(what + separator + shortened(item) + " x" + seen);
            }
        });
        got.keySet().stream().filter(item -> !want.containsKey(item)).forEach(item -> extra.add(what + ": " + item));
    }

    /** Every revision of every incident exactly those the replay of the run's own desk input gives, as often. */
    private static void compareWithReplay(String run, CrashOutputs outputs, List<String> lost, List<String> duplicated,
                                          List<String> extra) {
        Set<String> incidents = new TreeSet<>(outputs.replayed().keySet());
        incidents.addAll(outputs.recommendations().keySet());
        for (String incident : incidents) {
            compare(run + AGAINST_REPLAY + incident, outputs.replayed().getOrDefault(incident, List.of()),
                    outputs.recommendations().getOrDefault(incident, List.of()), " revision ", lost, duplicated, extra);
        }
    }

    /** Revisions 1 to n, each once; recommended in both runs or neither; the last revision's status the same. */
    private static void compareNumbering(String incident, List<String> expected, List<String> actual, List<String> lost,
                                         List<String> duplicated, List<String> extra, List<String> different) {
        if (actual.isEmpty()) {
            lost.add(incident + ": no recommendation (the uninterrupted run published " + expected.size() + " revisions)");
            return;
        }
        if (expected.isEmpty()) {
            extra.add(incident + ": " + actual.size() + " revisions, none in the uninterrupted run");
            return;
        }
        Map<Integer, Integer> numbers = new TreeMap<>();
        actual.forEach(revision -> numbers.merge(number(revision), 1, Integer::sum));
        int last = ((TreeMap<Integer, Integer>) numbers).lastKey();
        for (int n = 1; n <= last; n++) {
            int times = numbers.getOrDefault(n, 0);
            if (times == 0) {
                lost.add(incident + ": revision " + n + " missing (revisions up to " + last + " published)");
            } else if (times > 1) {
                duplicated.add(incident + " revision " + n + " x" + times);
            }
        }
        String expectedLast = status(lastRevision(expected));
        String actualLast = status(lastRevision(actual));
        if (!expectedLast.equals(actualLast)) {
            different.add("dispatch.recommendations " + incident + " last status: " + expectedLast + " / " + actualLast);
        }
    }

    private static String lastRevision(List<String> revisions) {
        return revisions.stream().max(java.util.Comparator.comparingInt(CrashVerdict::number)).orElseThrow();
    }

    /** A revision as {@link CrashOutputs} keeps it: its number, a space, the recommendation. */
    private static int number(String revision) {
        return Integer.parseInt(revision.substring(0, revision.indexOf(' ')));
    }

    private static String status(String revision) {
        Matcher matcher = STATUS.matcher(revision);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static String shortened(String item) {
        int space = item.indexOf(' ');
        return space > 0 && item.substring(0, space).chars().allMatch(Character::isDigit) ? item.substring(0, space) : item;
    }

    private static Map<String, Integer> counts(List<String> items) {
        Map<String, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }

    /**
     * The counts per output kind, printed before the first differences (a long list of them is cut
     * short): recommendation revisions and desk inputs lost, duplicated and only after crashes (with
     * the incidents or groups they belong to), and the keys of each other output whose last value differs.
     */
    public String summary() {
        Map<String, Integer> differentByTopic = new TreeMap<>();
        different.forEach(d -> differentByTopic.merge(d.substring(0, d.indexOf(' ')), 1, Integer::sum));
        long lostInputs = lost.stream().filter(l -> l.startsWith("desk input ")).count();
        long duplicatedInputs = duplicated.stream().filter(d -> d.startsWith("desk input ")).count();
        long extraInputs = extra.stream().filter(e -> e.startsWith("desk input ")).count();
        long lostToReplay = lost.stream().filter(l -> l.contains(AGAINST_REPLAY)).count();
        long duplicatedToReplay = duplicated.stream().filter(d -> d.contains(AGAINST_REPLAY)).count();
        long extraToReplay = extra.stream().filter(e -> e.contains(AGAINST_REPLAY)).count();
        return String.format(java.util.Locale.ROOT,
                "Recommendation revisions: %d lost (%d incidents), %d duplicated, %d only after crashes; desk inputs: %d lost, "
                        + "%d duplicated, %d only after crashes; other outputs: %d keys different %s",
                lost.size() - lostInputs - lostToReplay, lost.stream().filter(l -> !l.startsWith("desk input ") && !l.contains(AGAINST_REPLAY))
                        .map(l -> l.substring(0, l.indexOf(':'))).distinct().count(), duplicated.size() - duplicatedInputs - duplicatedToReplay,
                extra.size() - extraInputs - extraToReplay, lostInputs, duplicatedInputs, extraInputs, different.size(), differentByTopic)
                + (lostToReplay + duplicatedToReplay + extraToReplay == 0 ? "" : String.format(java.util.Locale.ROOT,
                "; against a replay of the run's own desk input: %d revisions lost (%d incidents), %d duplicated, %d not from that input",
                lostToReplay, lost.stream().filter(l -> l.contains(AGAINST_REPLAY)).map(l -> l.substring(0, l.indexOf(':'))).distinct().count(),
                duplicatedToReplay, extraToReplay))
                + (reordered.isEmpty() ? "" : String.format(java.util.Locale.ROOT, "; %d incidents' revisions differ in content or "
                + "number, read in another order (told, not judged, with several partitions)", reordered.size()));
    }

    /** Every difference, the other outputs' first (fewer, and each names its key). */
    List<String> differences() {
        List<String> all = new ArrayList<>();
        different.forEach(d -> all.add("different: " + d));
        lost.forEach(l -> all.add("lost: " + l));
        duplicated.forEach(d -> all.add("duplicated: " + d));
        extra.forEach(e -> all.add("only after crashes: " + e));
        return all;
    }

    public boolean passed() {
        return lost.isEmpty() && duplicated.isEmpty() && extra.isEmpty() && different.isEmpty();
    }
}
