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

    /** The method written out directly, per total and per metric, to check the ranking against. */
    private static Map<String, Double> expectedMetric(Metric metric) {
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

    @Test
    void metricsAndTopHundredMatchAnIndependentCalculation() {
        FsuRanking ranking = FsuRanking.rank(PEOPLE, FsuRanking.Settings.defaults());
        for (Metric metric : Metric.values()) {
            Map<String, Double> expected = expectedMetric(metric);
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
