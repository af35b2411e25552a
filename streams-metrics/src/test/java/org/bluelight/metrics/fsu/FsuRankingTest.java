package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FsuRankingTest {

    private static final Map<String, FsuTotals> PEOPLE = new HashMap<>();

    /** 5,000 people: most with a little contact, a skewed few with a lot. */
    @BeforeAll
    static void generatePopulation() {
        Random random = new Random(2023);
        for (int i = 0; i < 5000; i++) {
            double intensity = Math.pow(random.nextDouble(), 6) * 40;
            Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
            for (FsuTotal total : FsuTotal.values()) {
                boolean hours = total.name().endsWith("HOURS");
                double value = random.nextDouble() < 0.4 ? 0 : Math.floor(intensity * random.nextDouble() * 3);
                values.put(total, hours ? Math.min(200, value * random.nextDouble() * 7.3) : value);
            }
            PEOPLE.put("P" + i, new FsuTotals(values, null, Set.of()));
        }
    }

    /** The min-max variant written out directly, per total and per metric, to check the ranking against. */
    private static Map<String, Double> expectedMinMaxMetric(Metric metric) {
        Map<String, Double> sums = new HashMap<>();
        for (FsuTotal total : metric.totals()) {
            List<Double> descending = PEOPLE.values().stream().map(t -> t.value(total)).sorted(Comparator.reverseOrder()).toList();
            double topMean = descending.subList(0, 1000).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double max = descending.get(0) / topMean;
            double min = descending.get(descending.size() - 1) / topMean;
            PEOPLE.forEach((id, t) -> sums.merge(id, (t.value(total) / topMean - min) / (max - min), Double::sum));
        }
        Map<String, Double> metricValues = new HashMap<>();
        sums.forEach((id, sum) -> metricValues.put(id, sum / metric.totals().size()));
        return metricValues;
    }

    /** The method as written (divide by the mean of the top 1,000, cap at 1), per total and per metric. */
    private static Map<String, Double> expectedCappedMetric(Metric metric, int meanOfTop) {
        Map<String, Double> sums = new HashMap<>();
        for (FsuTotal total : metric.totals()) {
            List<Double> descending = PEOPLE.values().stream().map(t -> t.value(total)).sorted(Comparator.reverseOrder()).toList();
            double topMean = descending.subList(0, meanOfTop).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            PEOPLE.forEach((id, t) -> sums.merge(id, Math.min(1.0, t.value(total) / topMean), Double::sum));
        }
        Map<String, Double> metricValues = new HashMap<>();
        sums.forEach((id, sum) -> metricValues.put(id, sum / metric.totals().size()));
        return metricValues;
    }

    @Test
    void metricsAndTopHundredMatchAnIndependentCalculation() {
        assertMatches(FsuRanking.rank(PEOPLE, FsuRanking.Settings.defaults().withNormalisation(FsuRanking.Normalisation.MIN_MAX)),
                FsuRankingTest::expectedMinMaxMetric);
    }

    @Test
    void cappedMetricsMatchTheMethodWrittenOut() {
        assertThat(FsuRanking.Settings.defaults().normalisation()).isEqualTo(FsuRanking.Normalisation.CAP);
        assertMatches(FsuRanking.rank(PEOPLE, FsuRanking.Settings.defaults()), metric -> expectedCappedMetric(metric, 1000));
    }

    @Test
    void underTheCapTheMeanOfTopNChangesTheRankingWhenOutliersExist() {
        Map<String, FsuTotals> people = new HashMap<>();
        // One outlier with an enormous custody total, the rest spread over both totals of metric 1.
        people.put("OUTLIER", new FsuTotals(Map.of(FsuTotal.CUSTODY_HOURS, 5000.0), null, Set.of()));
        for (int i = 0; i < 50; i++) {
            people.put(String.format("P%02d", i), new FsuTotals(
                    Map.of(FsuTotal.CUSTODY_HOURS, (double) i, FsuTotal.SUSPECT_COUNT, (double) (i % 7)), null, Set.of()));
        }
        Metric metric = Metric.INVESTIGATIONS_AND_CUSTODY;
        FsuRanking wide = FsuRanking.rank(people, new FsuRanking.Settings(40, 10, FsuRanking.Normalisation.CAP));
        FsuRanking narrow = FsuRanking.rank(people, new FsuRanking.Settings(1, 10, FsuRanking.Normalisation.CAP));
        FsuRanking wideMinMax = FsuRanking.rank(people, new FsuRanking.Settings(40, 10, FsuRanking.Normalisation.MIN_MAX));
        FsuRanking narrowMinMax = FsuRanking.rank(people, new FsuRanking.Settings(1, 10, FsuRanking.Normalisation.MIN_MAX));

        assertThat(topIds(wide, metric)).isNotEqualTo(topIds(narrow, metric));
        assertThat(wide.scoreOf("OUTLIER").metrics().get(metric)).isLessThanOrEqualTo(1.0);
        assertThat(topIds(wideMinMax, metric)).as("min-max cancels N").isEqualTo(topIds(narrowMinMax, metric));
    }

    private static List<String> topIds(FsuRanking ranking, Metric metric) {
        return ranking.top(metric).stream().map(FsuRanking.PersonScore::personId).toList();
    }

    private static void assertMatches(FsuRanking ranking, java.util.function.Function<Metric, Map<String, Double>> expectedOf) {
        for (Metric metric : Metric.values()) {
            Map<String, Double> expected = expectedOf.apply(metric);
            expected.forEach((id, value) -> assertThat(ranking.scoreOf(id).metrics().get(metric)).isCloseTo(value, within(1e-9)));
            List<String> expectedTop = new ArrayList<>(expected.keySet());
            expectedTop.sort(Comparator.comparing((String id) -> -expected.get(id)).thenComparing(Comparator.naturalOrder()));
            List<String> top = ranking.top(metric).stream().map(FsuRanking.PersonScore::personId).toList();
            assertThat(top).hasSize(100).isEqualTo(expectedTop.subList(0, 100));
            for (int r = 0; r < 100; r++) {
                assertThat(ranking.scoreOf(top.get(r)).ranks().get(metric)).isEqualTo(r + 1);
            }
            assertThat(ranking.scoreOf(expectedTop.get(100)).ranks()).doesNotContainKey(metric);
        }
    }

    @Test
    void metricsAreScaledZeroToOne() {
        FsuRanking ranking = FsuRanking.rank(PEOPLE, FsuRanking.Settings.defaults());
        for (Metric metric : Metric.values()) {
            PEOPLE.keySet().forEach(id -> assertThat(ranking.scoreOf(id).metrics().get(metric)).isBetween(0.0, 1.0));
        }
        assertThat(ranking.distinctListed()).isBetween(100L, 400L);
    }

    @Test
    void aPopulationWithNoSpreadScoresZero() {
        Map<String, FsuTotals> same = Map.of("A", new FsuTotals(Map.of(), null, Set.of()), "B", new FsuTotals(Map.of(), null, Set.of()));
        FsuRanking ranking = FsuRanking.rank(same, FsuRanking.Settings.defaults());
        assertThat(ranking.scoreOf("A").metrics().get(Metric.OVERALL)).isZero();
        assertThat(ranking.top(Metric.OVERALL)).extracting(FsuRanking.PersonScore::personId).containsExactly("A", "B");
    }
}
