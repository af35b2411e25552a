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
 * The ranking run of the frequent-service-users method (section 5.1): each total is divided by
 * the mean of its top {@code meanOfTop} values (1,000) and brought to 0-1 ({@link Normalisation});
 * a metric is the mean of its totals' normalised values, so each total weighs equally and the
 * metric is 0-1; the top {@code listSize} (100) of each metric are ranked 1..100 (ties broken by
 * person id).
 *
 * <p>Dividing by the top mean puts counts and hours on one scale. Capping at 1 keeps the method's
 * 1,000 meaningful: everyone at or above the top mean scores 1, so a few extreme values cannot
 * swamp a combined metric. Min-max scaling afterwards instead would cancel the division (every N
 * gives the same values); it is kept as an option for comparison.
 */
public final class FsuRanking {

    /** How a total divided by its top mean is brought to 0-1. */
    public enum Normalisation {
        /** Capped at 1: values at or above the mean of the top N score 1. */
        CAP,
        /** Scaled min-max over everyone, which makes N irrelevant. */
        MIN_MAX;

        /** {@code cap} or {@code min-max}, as the {@code fsu.normalisation} setting spells them. */
        public static Normalisation parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "cap" -> CAP;
                case "min-max" -> MIN_MAX;
                default -> throw new IllegalArgumentException("fsu.normalisation must be cap or min-max, was '" + text + "'");
            };
        }
    }

    /** Ranking settings: the method's 1,000 and 100, capped, by default. */
    public record Settings(int meanOfTop, int listSize, Normalisation normalisation) {

        public static Settings defaults() {
            return new Settings(1000, 100, Normalisation.CAP);
        }

        public Settings {
            if (meanOfTop < 1 || listSize < 1) {
                throw new IllegalArgumentException("meanOfTop and listSize must be positive");
            }
            java.util.Objects.requireNonNull(normalisation, "normalisation");
        }

        public Settings withNormalisation(Normalisation other) {
            return new Settings(meanOfTop, listSize, other);
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
            scaled.put(total, normalise(values, settings.meanOfTop(), settings.normalisation()));
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

    /** Divide by the mean of the top values, then cap or min-max scale to 0-1; all zero when the top is all zero. */
    private static double[] normalise(double[] values, int meanOfTop, Normalisation normalisation) {
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
        if (normalisation == Normalisation.CAP) {
            for (int i = 0; i < values.length; i++) {
                result[i] = Math.min(1.0, values[i] / topMean);
            }
            return result;
        }
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
