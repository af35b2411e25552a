package org.bluelight.ops.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Whether a soak stayed steady: over the last three quarters of the run (the last 45 minutes of an
 * hour) the heap after GC and every app's stores grew by no more than 5% (growth read off a least
 * squares line through the minutes, so one compaction or one collection's timing does not decide),
 * and every app's lag p99 stayed under 2 s. An app whose stores grew is told store by store, so the
 * growing one is named.
 */
public record SoakVerdict(List<String> failures, List<String> figures) {

    static final double MAX_GROWTH = 0.05;
    static final long LAG_GOAL_MILLIS = 2_000;

    public boolean passed() {
        return failures.isEmpty();
    }

    /** The minutes judged: the last three quarters of the run. */
    static List<SoakSample> window(List<SoakSample> samples) {
        int from = samples.size() / 4;
        return samples.subList(from, samples.size());
    }

    public static SoakVerdict of(List<SoakSample> samples) {
        List<String> failures = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<SoakSample> window = window(samples);
        if (window.size() < 3) {
            failures.add("too short: " + samples.size() + " minute(s) sampled, at least 3 in the window needed");
            return new SoakVerdict(failures, figures);
        }
        judgeGrowth("heap after GC", window, SoakSample::heapAfterGcBytes, failures, figures);
        for (String app : window.get(window.size() - 1).stores().keySet()) {
            judgeStores(app, "bytes", window, StoreFigures::bytes, failures, figures);
            judgeStores(app, "keys", window, StoreFigures::keys, failures, figures);
        }
        for (String app : window.get(0).lagP99Millis().keySet()) {
            long worst = window.stream().mapToLong(s -> s.lagP99Millis().getOrDefault(app, 0L)).max().orElse(0);
            figures.add(String.format(Locale.ROOT, "%s lag p99: worst minute %d ms", app, worst));
            if (worst >= LAG_GOAL_MILLIS) {
                failures.add(String.format(Locale.ROOT, "%s lag p99 %d ms in a minute (goal < %d ms)", app, worst, LAG_GOAL_MILLIS));
            }
        }
        return new SoakVerdict(failures, figures);
    }

    private static void judgeGrowth(String what, List<SoakSample> window, ToLongFunction<SoakSample> value,
                                    List<String> failures, List<String> figures) {
        judgeGrowth(what, "", window, value, failures, figures);
    }

    private static void judgeGrowth(String what, String detail, List<SoakSample> window, ToLongFunction<SoakSample> value,
                                     List<String> failures, List<String> figures) {
        double growth = growth(window, value);
        figures.add(String.format(Locale.ROOT, "%s: %+.1f%% over the last %d min", what, growth * 100, window.size()));
        if (growth > MAX_GROWTH) {
            failures.add(String.format(Locale.ROOT, "%s grew %.1f%% over the last %d min (goal <= %.0f%%)%s", what, growth * 100,
                    window.size(), MAX_GROWTH * 100, detail));
        }
    }

    /** One app's stores together, and if they grew, each store that grew by more than the goal. */
    private static void judgeStores(String app, String figure, List<SoakSample> window, ToLongFunction<StoreFigures> value,
                                    List<String> failures, List<String> figures) {
        List<String> grown = new ArrayList<>();
        for (String store : new TreeSet<>(window.get(window.size() - 1).stores().get(app).keySet())) {
            double growth = growth(window, s -> value.applyAsLong(s.store(app, store)));
            if (growth > MAX_GROWTH) {
                grown.add(String.format(Locale.ROOT, "%s %+.0f%% to %d", store, growth * 100,
                        value.applyAsLong(window.get(window.size() - 1).store(app, store))));
            }
        }
        judgeGrowth(app + " store " + figure, grown.isEmpty() ? "" : ": " + String.join(", ", grown), window,
                s -> value.applyAsLong(s.storesOf(app)), failures, figures);
    }

    /** The least squares line's rise across the window, relative to the window's mean. */
    static double growth(List<SoakSample> window, ToLongFunction<SoakSample> value) {
        int n = window.size();
        double meanX = (n - 1) / 2.0;
        double meanY = window.stream().mapToLong(value).average().orElse(0);
        if (meanY == 0) {
            return 0;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (value.applyAsLong(window.get(i)) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxy / sxx * (n - 1) / meanY;
    }
}
