package org.bluelight.metrics.response;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far every source feeding a task has got: the least of each source's latest time. A
 * partition of a repartition topic interleaves its upstream tasks as they happen to run, and in a
 * replay they run days apart, so the latest time of any of them says nothing about the others;
 * the least of their latest times is a low watermark all of them have passed.
 *
 * <p>A source's time is the latest it reported, even when lower than before (a source that is itself
 * a low watermark drops when it meets a new source of its own). A source that stops reporting holds
 * the watermark back: lateness is then judged more leniently, never more strictly.
 */
public final class SourceWatermarks {

    /** The time of a source that has reported but does not know its own time yet. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final int expected;
    private final Map<String, Long> latest = new HashMap<>();
    private long low = Long.MAX_VALUE;

    /**
     * @param expected how many sources there are: until that many have reported, nothing is known (a source not
     *                 yet seen may be far behind the others); 0 when not known, then the sources seen so far count
     */
    public SourceWatermarks(int expected) {
        this.expected = expected;
    }

    /** Sets the source's latest time; true when it changed (so the caller stores it). */
    public boolean report(String source, long time) {
        Long previous = latest.put(source, time);
        if (previous != null && previous == time) {
            return false;
        }
        low = latest.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        return true;
    }

    /** The least latest time over the sources; empty before every expected source (at least one) reported a known time. */
    public OptionalLong low() {
        return latest.isEmpty() || latest.size() < expected || low == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(low);
    }
}
