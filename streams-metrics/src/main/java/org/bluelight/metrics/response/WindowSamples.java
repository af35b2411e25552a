package org.bluelight.metrics.response;

import java.util.ArrayList;
import java.util.List;

/** Response times of one group, grade and window, kept whole so median and p90 are exact. */
public record WindowSamples(List<Double> seconds) {

    public WindowSamples {
        seconds = List.copyOf(seconds);
    }

    public static WindowSamples empty() {
        return new WindowSamples(List.of());
    }

    public WindowSamples plus(double sample) {
        List<Double> next = new ArrayList<>(seconds);
        next.add(sample);
        return new WindowSamples(next);
    }
}
