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
 *
 * <p>A store fails only if it grew by more than 5% <em>and</em> by more than a few entries
 * ({@value #DEFAULT_MIN_GROWTH_ENTRIES} unless told): most stores hold an entry per open incident,
 * officer, group or open window, so a store of 0–2 entries moves by 100% when one incident opens,
 * while a leak at the soak's load (about 240 incidents an hour) adds hundreds of entries in 45
 * minutes. A store bounded by open work ({@link OpenWork}) is judged by its growth beyond that of the
 * open incidents, which grow when the simulated force falls behind its load; the open incidents
 * themselves are reported with the share of the window's new incidents still open, not judged.
 */
public record SoakVerdict(List<String> failures, List<String> figures) {

    static final double MAX_GROWTH = 0.05;
    static final long DEFAULT_MIN_GROWTH_ENTRIES = 10;
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
        return of(samples, filling, OpenWork.NONE, DEFAULT_MIN_GROWTH_ENTRIES);
    }

    /**
     * @param filling          the retention of each store expected to grow all run, by {@code "app/store"}
     * @param openWork         the stores bounded by the open incidents
     * @param minGrowthEntries how many entries a store must grow by, besides 5%, to fail
     */
    static SoakVerdict of(List<SoakSample> samples, Map<String, String> filling, OpenWork openWork, long minGrowthEntries) {
        return of(samples, StoreRules.of(filling, openWork, minGrowthEntries));
    }

    static SoakVerdict of(List<SoakSample> samples, StoreRules rules) {
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
        StoreJudge judge = new StoreJudge(window, rules, failures, figures);
        judge.reportOpenIncidents();
        for (String app : last.stores().keySet()) {
            judge.judge(app);
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

    /** Judges every store of an app over the window, filling the verdict's failures and figures. */
    private record StoreJudge(List<SoakSample> window, StoreRules rules, List<String> failures, List<String> figures) {

        void reportOpenIncidents() {
            String[] appStore = rules.openWork().openIncidents().split("/", 2);
            if (appStore.length < 2) {
                return;
            }
            List<SoakSample> counted = counted(appStore[0], appStore[1]);
            if (counted.size() < 3) {
                return;
            }
            SoakSample first = counted.get(0);
            SoakSample last = counted.get(counted.size() - 1);
            long opened = first.store(appStore[0], appStore[1]).entries();
            long open = last.store(appStore[0], appStore[1]).entries();
            long written = last.incidents() - first.incidents();
            figures.add(String.format(Locale.ROOT, "open incidents (%s, the measure of open work; reported, not judged): %d -> %d, "
                            + "%+d of the %d incidents written meanwhile", rules.openWork().openIncidents(), opened, open, open - opened, written));
        }

        void judge(String app) {
            figures.add(String.format(Locale.ROOT, "%s RocksDB (not judged): bytes %+.1f%%, key estimate %+.1f%%", app,
                    growth(window, s -> s.storesOf(app).bytes()) * 100, growth(window, s -> s.storesOf(app).keys()) * 100));
            int flat = 0;
            for (String store : new TreeSet<>(window.get(window.size() - 1).stores().get(app).keySet())) {
                String appStore = app + "/" + store;
                List<SoakSample> counted = counted(app, store);
                if (appStore.equals(rules.openWork().openIncidents()) || rules.mirrors().containsValue(appStore)) {
                    continue;
                }
                if (counted.size() < 3) {
                    figures.add(String.format(Locale.ROOT, "%s %s: entries counted in %d of %d minutes, not judged", app, store,
                            counted.size(), window.size()));
                    continue;
                }
                ToLongFunction<SoakSample> entries = s -> s.store(app, store).entries();
                double rise = rise(counted, entries);
                double growth = growth(counted, entries);
                long from = entries.applyAsLong(counted.get(0));
                long to = entries.applyAsLong(counted.get(counted.size() - 1));
                String retention = rules.filling().get(appStore);
                if (retention != null) {
                    figures.add(String.format(Locale.ROOT, "%s %s fills its retention (%s): entries %+.1f%% (%d -> %d)", app, store,
                            retention, growth * 100, from, to));
                } else if (rules.mirrors().containsKey(appStore)) {
                    judgeAgainstMirror(app, store, rules.mirrors().get(appStore), counted);
                } else if (rules.isCapped(appStore)) {
                    judgeAgainstCap(app, store, rules.caps().get(appStore), counted);
                } else if (!grew(growth, rise)) {
                    flat++;
                } else if (rules.openWork().bounds(appStore)) {
                    judgeAgainstOpenWork(app, store, counted);
                } else {
                    failures.add(String.format(Locale.ROOT,
                            "%s %s entries grew %.1f%% over the last %d min (%d -> %d; goal <= %.0f%% or <= %d entries)",
                            app, store, growth * 100, counted.size(), from, to, MAX_GROWTH * 100, rules.minGrowthEntries()));
                }
            }
            figures.add(String.format(Locale.ROOT, "%s: %d store(s) flat (entries within %.0f%%)", app, flat, MAX_GROWTH * 100));
        }

        /**
         * A store whose entries are another's members: a leak is an entry no member backs, so it is judged by the
         * growth of the difference (not zero at every minute: the two are written by different tasks).
         */
        private void judgeAgainstMirror(String app, String store, String mirrored, List<SoakSample> counted) {
            String[] measure = mirrored.split("/", 2);
            List<SoakSample> both = counted.stream().filter(s -> s.store(measure[0], measure[1]).entries() != StoreEntries.UNKNOWN).toList();
            ToLongFunction<SoakSample> entries = s -> s.store(app, store).entries();
            ToLongFunction<SoakSample> members = s -> s.store(measure[0], measure[1]).entries();
            if (both.size() < 3) {
                failures.add(String.format(Locale.ROOT, "%s %s grew and %s was counted in %d minutes: cannot tell a leak", app, store,
                        measure[1], both.size()));
                return;
            }
            double beyond = rise(both, s -> entries.applyAsLong(s) - members.applyAsLong(s));
            double mean = both.stream().mapToLong(entries).average().orElse(0);
            SoakSample first = both.get(0);
            SoakSample last = both.get(both.size() - 1);
            String line = String.format(Locale.ROOT, "%s %s mirrors %s: entries %d -> %d, members %d -> %d, %+d beyond them", app, store,
                    measure[1], entries.applyAsLong(first), entries.applyAsLong(last), members.applyAsLong(first),
                    members.applyAsLong(last), Math.round(beyond));
            if (grew(mean == 0 ? 0 : beyond / mean, beyond)) {
                failures.add(line + String.format(Locale.ROOT, " (goal <= %.0f%% or <= %d entries)", MAX_GROWTH * 100,
                        rules.minGrowthEntries()));
            } else {
                figures.add(line);
            }
        }

        /** A store with a bound of its own: within it at every minute where the bound's stores were counted. */
        private void judgeAgainstCap(String app, String store, Map<String, Integer> cap, List<SoakSample> counted) {
            ToLongFunction<SoakSample> entries = s -> s.store(app, store).entries();
            ToLongFunction<SoakSample> bound = s -> cap.entrySet().stream().mapToLong(part -> {
                String[] measure = part.getKey().split("/", 2);
                long n = s.store(measure[0], measure[1]).entries();
                return n == StoreEntries.UNKNOWN ? Long.MIN_VALUE / 4 : n * part.getValue();
            }).sum();
            List<SoakSample> bounded = counted.stream().filter(s -> bound.applyAsLong(s) >= 0).toList();
            String what = cap.entrySet().stream().map(part -> (part.getValue() == 1 ? "" : part.getValue() + " x ")
                    + part.getKey().split("/", 2)[1]).sorted().collect(java.util.stream.Collectors.joining(" + "));
            if (bounded.isEmpty()) {
                failures.add(String.format(Locale.ROOT, "%s %s: its bound (%s) was never counted", app, store, what));
                return;
            }
            long over = bounded.stream().filter(s -> entries.applyAsLong(s) > bound.applyAsLong(s)).count();
            double highest = bounded.stream().mapToDouble(s -> (double) entries.applyAsLong(s) / Math.max(1, bound.applyAsLong(s)))
                    .max().orElse(0);
            String line = String.format(Locale.ROOT, "%s %s bounded by %s: entries %d -> %d, bound %d -> %d, at most %.0f%% of it", app,
                    store, what, entries.applyAsLong(bounded.get(0)), entries.applyAsLong(bounded.get(bounded.size() - 1)),
                    bound.applyAsLong(bounded.get(0)), bound.applyAsLong(bounded.get(bounded.size() - 1)), highest * 100);
            if (over > 0) {
                failures.add(line + String.format(Locale.ROOT, " (over it in %d of %d minutes)", over, bounded.size()));
            } else {
                figures.add(line);
            }
        }

        /** Growth beyond the open incidents': the store's rise less the open incidents' rise times its entries per open incident. */
        private void judgeAgainstOpenWork(String app, String store, List<SoakSample> counted) {
            OpenWork openWork = rules.openWork();
            String[] measure = openWork.openIncidents().split("/", 2);
            List<SoakSample> both = counted.stream().filter(s -> s.store(measure[0], measure[1]).entries() != StoreEntries.UNKNOWN).toList();
            ToLongFunction<SoakSample> entries = s -> s.store(app, store).entries();
            int perIncident = openWork.perIncident().get(app + "/" + store);
            double beyond = both.size() < 3 ? rise(counted, entries)
                    : rise(both, entries) - perIncident * rise(both, s -> s.store(measure[0], measure[1]).entries());
            double mean = counted.stream().mapToLong(entries).average().orElse(0);
            String line = String.format(Locale.ROOT, "%s %s bounded by open work (%d per open incident): entries %d -> %d, %+.0f beyond "
                            + "the open incidents'", app, store, perIncident, entries.applyAsLong(counted.get(0)),
                    entries.applyAsLong(counted.get(counted.size() - 1)), beyond);
            if (grew(mean == 0 ? 0 : beyond / mean, beyond)) {
                failures.add(line + String.format(Locale.ROOT, " (goal <= %.0f%% or <= %d entries)", MAX_GROWTH * 100,
                        rules.minGrowthEntries()));
            } else {
                figures.add(line);
            }
        }

        private boolean grew(double growth, double rise) {
            return growth > MAX_GROWTH && rise > rules.minGrowthEntries();
        }

        private List<SoakSample> counted(String app, String store) {
            return window.stream().filter(s -> s.store(app, store).entries() != StoreEntries.UNKNOWN).toList();
        }
    }

    /** The least squares line's rise across the window, relative to the window's mean. */
    static double growth(List<SoakSample> window, ToLongFunction<SoakSample> value) {
        double meanY = window.stream().mapToLong(value).average().orElse(0);
        return meanY == 0 ? 0 : rise(window, value) / meanY;
    }

    /** The least squares line's rise across the window, in the value's units. */
    static double rise(List<SoakSample> window, ToLongFunction<SoakSample> value) {
        int n = window.size();
        double meanX = (n - 1) / 2.0;
        double meanY = window.stream().mapToLong(value).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - meanX) * (value.applyAsLong(window.get(i)) - meanY);
            sxx += (i - meanX) * (i - meanX);
        }
        return sxx == 0 ? 0 : sxy / sxx * (n - 1);
    }
}
