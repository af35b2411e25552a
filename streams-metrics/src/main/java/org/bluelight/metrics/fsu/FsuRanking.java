package org.bluelight.metrics.fsu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.schemas.FsuTally;

/**
 * The ranking run of the frequent-service-users method (West Midlands Police, Frequent Service
 * Users, 2023, section 5.1): each total is divided by the mean of its top {@code meanOfTop}
 * values (1,000) and then scaled min-max to 0-1 over everyone; a metric is
 * the mean of its totals' scaled values, so each total weighs equally and the metric is 0-1; the
 * top {@code listSize} (100) of each metric are ranked 1..100 (ties broken by person id).
 *
 * <p>Dividing by the top mean puts counts and hours on one scale before scaling, as the method
 * describes; with min-max scaling afterwards the order within one total is unchanged by it.
 */
public final class FsuRanking {

    /** Ranking settings: the document's 1,000 and 100 by default. */
    public record Settings(int meanOfTop, int listSize) {

        public static Settings defaults() {
            return new Settings(1000, 100);
        }

        public Settings {
            if (meanOfTop < 1 || listSize < 1) {
                throw new IllegalArgumentException("meanOfTop and listSize must be positive");
            }
        }
    }

    /** One person's four metrics and, where in a top list, ranks (1 = highest). */
    public record PersonScore(String personId, Map<Metric, Double> metrics, Map<Metric, Integer> ranks) {

        public FsuTally applyTo(FsuTally tally) {
            return FsuTally.newBuilder(tally)
                    .setMetric1(metrics.get(Metric.INVESTIGATIONS_AND_CUSTODY))
                    .setMetric2(metrics.get(Metric.ORIGINATOR))
                    .setMetric3(metrics.get(Metric.SUBJECT))
                    .setMetric4(metrics.get(Metric.OVERALL))
                    .setRank1(ranks.get(Metric.INVESTIGATIONS_AND_CUSTODY))
                    .setRank2(ranks.get(Metric.ORIGINATOR))
                    .setRank3(ranks.get(Metric.SUBJECT))
                    .setRank4(ranks.get(Metric.OVERALL))
                    .build();
        }
    }

    private final Map<String, PersonScore> scores;
    private final Map<Metric, List<PersonScore>> topLists;

    private FsuRanking(Map<String, PersonScore> scores, Map<Metric, List<PersonScore>> topLists) {
        this.scores = scores;
        this.topLists = topLists;
    }

    public static FsuRanking rank(Map<String, FsuTotals> people, Settings settings) {
        List<String> ids = new ArrayList<>(people.keySet());
        Collections.sort(ids);
        int n = ids.size();
        Map<FsuTotal, double[]> scaled = new EnumMap<>(FsuTotal.class);
        for (FsuTotal total : FsuTotal.values()) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = people.get(ids.get(i)).value(total);
            }
            scaled.put(total, scale(values, settings.meanOfTop()));
        }
        Map<Metric, double[]> metricValues = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double[] values = new double[n];
            for (FsuTotal total : metric.totals()) {
                double[] s = scaled.get(total);
                for (int i = 0; i < n; i++) {
                    values[i] += s[i];
                }
            }
            int size = metric.totals().size();
            for (int i = 0; i < n; i++) {
                values[i] /= size;
            }
            metricValues.put(metric, values);
        }
        Map<Metric, List<Integer>> topIndexes = new EnumMap<>(Metric.class);
        Map<String, Map<Metric, Integer>> ranks = new HashMap<>();
        for (Metric metric : Metric.values()) {
            double[] values = metricValues.get(metric);
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            // ids are sorted, so the index breaks ties by person id
            order.sort(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparingInt(i -> i));
            List<Integer> top = order.subList(0, Math.min(settings.listSize(), n));
            for (int r = 0; r < top.size(); r++) {
                ranks.computeIfAbsent(ids.get(top.get(r)), id -> new EnumMap<>(Metric.class)).put(metric, r + 1);
            }
            topIndexes.put(metric, List.copyOf(top));
        }
        Map<String, PersonScore> scores = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                metrics.put(metric, metricValues.get(metric)[i]);
            }
            String id = ids.get(i);
            scores.put(id, new PersonScore(id, Map.copyOf(metrics), Map.copyOf(ranks.getOrDefault(id, Map.of()))));
        }
        Map<Metric, List<PersonScore>> topLists = new EnumMap<>(Metric.class);
        topIndexes.forEach((metric, top) -> topLists.put(metric, top.stream().map(i -> scores.get(ids.get(i))).toList()));
        return new FsuRanking(Map.copyOf(scores), topLists);
    }

    /** Divide by the mean of the top values, then min-max scale to 0-1; all zero when there is no spread. */
    private static double[] scale(double[] values, int meanOfTop) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int k = Math.min(meanOfTop, sorted.length);
        double sum = 0;
        for (int i = sorted.length - k; i < sorted.length; i++) {
            sum += sorted[i];
        }
        double[] result = new double[values.length];
        if (k == 0 || sum == 0) {
            return result;
        }
        double topMean = sum / k;
        double min = sorted[0] / topMean;
        double max = sorted[sorted.length - 1] / topMean;
        if (max == min) {
            return result;
        }
        for (int i = 0; i < values.length; i++) {
            result[i] = (values[i] / topMean - min) / (max - min);
        }
        return result;
    }

    public PersonScore scoreOf(String personId) {
        return scores.get(personId);
    }

    /** The top list of a metric, best first. */
    public List<PersonScore> top(Metric metric) {
        return topLists.get(metric);
    }

    /** Distinct people on any top list (the document expects 200-300 of 400 places). */
    public long distinctListed() {
        return topLists.values().stream().flatMap(List::stream).map(PersonScore::personId).distinct().count();
    }
}
