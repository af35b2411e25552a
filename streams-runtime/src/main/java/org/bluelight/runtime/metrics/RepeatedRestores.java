package org.bluelight.runtime.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Spots a task that keeps failing: under exactly-once a task whose transaction is aborted (its
 * transaction outlived {@code transaction.timeout.ms}, say, on a record that costs too much) is
 * closed dirty, its state wiped and restored from the changelog, and the same records retried, for
 * ever. A store partition restored {@code threshold} times within {@code window} is such a task;
 * one restore at start-up or after a rebalance is not.
 * Keeps at most {@code threshold} times per store partition, and one time per task for {@link #firstAlarm}.
 */
public final class RepeatedRestores {

    private final int threshold;
    private final Duration window;
    /** Per store partition, the latest restores within the window, oldest first. */
    private final Map<String, Deque<Instant>> restores = new HashMap<>();
    /** Per task, when its alarm was last raised. */
    private final Map<String, Instant> alarmed = new HashMap<>();

    /** Three restores of one store partition within ten minutes. */
    public static RepeatedRestores defaults() {
        return new RepeatedRestores(3, Duration.ofMinutes(10));
    }

    public RepeatedRestores(int threshold, Duration window) {
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2, was " + threshold);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.threshold = threshold;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /** Notes a restore of {@code store}'s partition {@code partition} at {@code at}; the restores within the window, this one included. */
    public synchronized int restoreStarted(String store, int partition, Instant at) {
        Deque<Instant> times = restores.computeIfAbsent(store + "-" + partition, k -> new ArrayDeque<>());
        times.addLast(at);
        while (times.size() > threshold || times.getFirst().isBefore(at.minus(window))) {
            times.removeFirst();
        }
        return times.size();
    }

    /**
     * Whether an alarm on {@code task} at {@code at} is its first within the window: a task restores all
     * its stores each time it fails, and keeps failing, so it is reported once a window, not once per
     * store and restore.
     */
    public synchronized boolean firstAlarm(String task, Instant at) {
        Instant last = alarmed.get(task);
        if (last != null && !last.isBefore(at.minus(window))) {
            return false;
        }
        alarmed.put(task, at);
        return true;
    }

    /** Whether that many restores within the window is a task that keeps failing. */
    public boolean alarming(int restoresInWindow) {
        return restoresInWindow >= threshold;
    }
}
