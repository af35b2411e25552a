package org.bluelight.ops.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Whether a soak stayed steady: over the last three quarters of the run (the last 45 minutes of an
 * hour) the heap after GC and every state store's exact entries grew by no more than 5% (growth read
 * off a least squares line through the minutes, so one compaction or one collection's timing does
 * not decide), and every app's lag p99 stayed under 2 s.
 *
 * <p>A store that keeps entries for longer than the simulated time the run covers (say 120 days of
 * trial ledger in a soak of two simulated days) is still filling and is expected to grow; such stores
 * are named with their retention and reported, not judged. RocksDB's bytes and key estimate are
 * reported per app, not judged: both count overwritten versions until compaction (see
 * {@link StoreEntries}).
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

    /** No store expected to fill. */
    public static SoakVerdict of(List<SoakSample> samples) {
        return of(samples, Map.of());
    }

    /** @param filling the retention of each store expected to grow all run, by {@code "app/store"} */
    public static SoakVerdict of(List<SoakSample> samples, Map<String, String> filling) {
        List<String> failures = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<SoakSample> window = window(samples);
        if (window.size() < 3) {
            failures.add("too short: " + samples.size() + " minute(s) sampled, at least 3 in the window needed");
            return new SoakVerdict(failures, figures);
        }
        double heap = growth(window, SoakSample::heapAfterGcBytes);
        figures.add(String.format(Locale.ROOT, "heap after GC: %+.1f%% over the last %d min", heap * 100, window.size()));
        if (heap > MAX_GROWTH) {
            failures.add(String.format(Locale.ROOT, "heap after GC grew %.1f%% over the last %d min (goal <= %.0f%%)", heap * 100,
                    window.size(), MAX_GROWTH * 100));
        }
        SoakSample last = window.get(window.size() - 1);
        for (String app : last.stores().keySet()) {
            judgeStores(app, window, filling, failures, figures);
        }
        for (String app : last.lagP99Millis().keySet()) {
            long worst = window.stream().mapToLong(s -> s.lagP99Millis().getOrDefault(app, 0L)).max().orElse(0);
            figures.add(String.format(Locale.ROOT, "%s lag p99: worst minute %d ms", app, worst));
            if (worst >= LAG_GOAL_MILLIS) {
                failures.add(String.format(Locale.ROOT, "%s lag p99 %d ms in a minute (goal < %d ms)", app, worst, LAG_GOAL_MILLIS));
            }
        }
        return new SoakVerdict(failures, figures);
    }

    private static void judgeStores(String app, List<SoakSample> window, Map<String, String> filling,
                                    List<String> failures, List<String> figures) {
        figures.add(String.format(Locale.ROOT, "%s RocksDB (not judged): bytes %+.1f%%, key estimate %+.1f%%", app,
                growth(window, s -> s.storesOf(app).bytes()) * 100, growth(window, s -> s.storesOf(app).keys()) * 100));
        int flat = 0;
        for (String store : new TreeSet<>(window.get(window.size() - 1).stores().get(app).keySet())) {
            List<SoakSample> counted = window.stream().filter(s -> s.store(app, store).entries() != StoreEntries.UNKNOWN).toList();
            if (counted.size() < 3) {
                figures.add(String.format(Locale.ROOT, "%s %s: entries counted in %d of %d minutes, not judged", app, store,
                        counted.size(), window.size()));
                continue;
            }
            double growth = growth(counted, s -> s.store(app, store).entries());
            long from = counted.get(0).store(app, store).entries();
            long to = counted.get(counted.size() - 1).store(app, store).entries();
            String retention = filling.get(app + "/" + store);
            if (retention != null) {
                figures.add(String.format(Locale.ROOT, "%s %s fills its retention (%s): entries %+.1f%% (%d -> %d)", app, store,
                        retention, growth * 100, from, to));
            } else if (growth > MAX_GROWTH) {
                failures.add(String.format(Locale.ROOT, "%s %s entries grew %.1f%% over the last %d min (%d -> %d; goal <= %.0f%%)",
                        app, store, growth * 100, counted.size(), from, to, MAX_GROWTH * 100));
            } else {
                flat++;
            }
        }
        figures.add(String.format(Locale.ROOT, "%s: %d store(s) flat (entries within %.0f%%)", app, flat, MAX_GROWTH * 100));
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
