package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated period: incidents are reported in {@code [start, end)}, measured from {@code measureFrom} (after the
 * warm-up), and the force keeps working for {@code drain} after {@code end} so late incidents can be attended.
 */
public record SimulationWindow(Instant start, Instant measureFrom, Instant end, Duration drain) {

    public SimulationWindow {
        if (measureFrom.isBefore(start) || !end.isAfter(measureFrom)) {
            throw new IllegalArgumentException("need start <= measureFrom < end");
        }
    }

    public static SimulationWindow ofDays(Instant start, int days, int warmupDays) {
        if (days < 1 || warmupDays < 0 || warmupDays >= days) {
            throw new IllegalArgumentException("need days >= 1 and 0 <= warmup < days, got days " + days + ", warmup " + warmupDays);
        }
        return new SimulationWindow(start, start.plus(Duration.ofDays(warmupDays)), start.plus(Duration.ofDays(days)),
                Duration.ofHours(12));
    }

    public boolean measures(Instant t) {
        return !t.isBefore(measureFrom) && t.isBefore(end);
    }

    public Instant stop() {
        return end.plus(drain);
    }
}
