package org.bluelight.ops.bench.crash;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bluelight.schemas.Topic;

/**
 * What one start of an app's JVM took, in wall clock and in the JVM's own CPU, read from the lines
 * its app logs with its age ({@code StreamsApp}'s state changes and {@code FirstRecords}): on a
 * busy machine the wall clock mostly measures the other processes, the CPU what the start costs.
 *
 * @param instance     e.g. {@code dispatch-a}
 * @param running      from the JVM's start to Kafka Streams RUNNING (wall clock, its CPU), or null
 * @param firstOutput  from the JVM's start to its first recommendation written (not yet committed), or null
 */
record StartTimes(String instance, Age running, Age firstOutput) {

    /** A JVM's age at a line of its log: since its start, and its CPU used by then. */
    record Age(Duration wall, Duration cpu) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s (%.2f s of its CPU)", wall.toMillis() / 1000.0, cpu.toMillis() / 1000.0);
        }
    }

    private static final Pattern AGE = Pattern.compile("\\((\\d+) ms after the JVM started, (\\d+) ms of its CPU\\)");
    private static final String RUNNING = "-> RUNNING (";
    private static final String FIRST_RECOMMENDATION = "First record written to " + Topic.RECOMMENDATIONS.topicName() + " (";

    /** From the lines one JVM logged (one start's segment of the instance's log): the first of each. */
    static StartTimes of(String instance, List<String> lines) {
        return new StartTimes(instance, first(lines, RUNNING), first(lines, FIRST_RECOMMENDATION));
    }

    private static Age first(List<String> lines, String marker) {
        for (String line : lines) {
            if (line.contains(marker)) {
                Matcher age = AGE.matcher(line);
                if (age.find()) {
                    return new Age(Duration.ofMillis(Long.parseLong(age.group(1))), Duration.ofMillis(Long.parseLong(age.group(2))));
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return instance + "'s JVM: RUNNING " + (running == null ? "never" : running) + ", first recommendation written "
                + (firstOutput == null ? "never" : firstOutput) + " after its start";
    }
}
