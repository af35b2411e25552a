package org.bluelight.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluator on the real Andorra roads: the recommender against the officer-selection paper's random baseline. */
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
}
