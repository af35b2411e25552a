package org.bluelight.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on the real Andorra roads: the recommender against the officer-selection paper's random baseline, and
 * its travel times from contraction hierarchies against the tree search's.
 */
class EvaluatorIT {

    private static final Path WORK = Path.of("target", "evaluator-it");
    private static RoadNetwork network;

    @BeforeAll
    static void openAndorra() {
        Scenario scenario = ScenarioFile.load("andorra");
        network = MapSource.open(MapSource.resolve(scenario.map(), null, WORK), WORK);
    }

    @AfterAll
    static void close() {
        network.close();
    }

    @Test
    void theRecommenderBeatsRandomOnGrade1ResponseAndDistance() throws Exception {
        Scenario scenario = ScenarioFile.load("andorra");
        EvaluationPlan plan = new EvaluationPlan(scenario, 2, 1, 3, List.of("random", "nearest", "recommender"));
        EvaluationReport report = new Evaluator(network).run(plan, null);

        PolicySummary random = report.summary("random").orElseThrow();
        PolicySummary recommender = report.summary("recommender").orElseThrow();
        assertThat(recommender.grade1Incidents()).isEqualTo(random.grade1Incidents()).isGreaterThan(100);
        assertThat(recommender.grade1Median().mean()).isLessThan(random.grade1Median().mean());
        assertThat(recommender.kmPerIncident().mean()).isLessThan(random.kmPerIncident().mean());
        assertThat(recommender.grade1WithinTarget().mean()).isGreaterThanOrEqualTo(random.grade1WithinTarget().mean());
        assertThat(report.replications()).hasSize(9).allMatch(r -> r.breaksTaken() > 0 && r.shiftsEnded() > 0);

        Path csv = WORK.resolve("evaluation.csv");
        Path png = WORK.resolve("evaluation.png");
        ResultTable.writeCsv(report, csv);
        ResultChart.writePng(report, png);
        assertThat(Files.readAllLines(csv)).anyMatch(l -> l.startsWith("recommender,grade1_median_minutes,"));
        byte[] image = Files.readAllBytes(png);
        assertThat(image).hasSizeGreaterThan(1000);
        assertThat(new String(image, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(ResultTable.text(report)).contains("recommender", "random", "nearest", "G1 median min");
    }

    @Test
    void travelTimesFromHierarchiesEqualTheTreeSearchsWithinASecond() {
        Scenario scenario = ScenarioFile.load("andorra");
        Path treeWork = WORK.resolve("tree-search");
        try (RoadNetwork byTree = MapSource.open(MapSource.resolve(scenario.map(), null, treeWork), treeWork)) {
            ComparedTravelTimes compared = new ComparedTravelTimes(new RoadNetworkTravelTimes(network),
                    new RoadNetworkTravelTimes(byTree));
            EvaluationPlan plan = new EvaluationPlan(scenario, 2, 1, 1, List.of("nearest", "recommender"));
            new Evaluator(network, compared).run(plan, null);

            assertThat(network.hierarchiesReady()).isPositive();
            assertThat(byTree.hierarchiesReady()).isZero();
            assertThat(compared.reached).isGreaterThan(500);
            assertThat(compared.mismatched).isZero();
            assertThat(compared.worstSeconds).isLessThan(1.0);
        }
    }

    /** Answers from the first, counting how far the second's differ. */
    private static final class ComparedTravelTimes implements TravelTimes {

        private final TravelTimes first;
        private final TravelTimes second;
        int reached;
        int mismatched;
        double worstSeconds;

        ComparedTravelTimes(TravelTimes first, TravelTimes second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public Map<String, TravelTime> toTarget(GeoPoint target, List<Journey> journeys, Instant departure) {
            Map<String, TravelTime> answers = first.toTarget(target, journeys, departure);
            Map<String, TravelTime> others = second.toTarget(target, journeys, departure);
            answers.forEach((id, time) -> {
                if (time instanceof TravelTime.Reached a && others.get(id) instanceof TravelTime.Reached b) {
                    reached++;
                    worstSeconds = Math.max(worstSeconds, Math.abs(a.seconds() - b.seconds()));
                } else if (time.getClass() != others.get(id).getClass()) {
                    mismatched++;
                }
            });
            return answers;
        }
    }
}
