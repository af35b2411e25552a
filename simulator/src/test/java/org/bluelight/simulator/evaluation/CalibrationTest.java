package org.bluelight.simulator.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** A replication with the given grade 1 median, and grade 1 medians by hour of {@code morning} and {@code later}. */
    private static ReplicationResult replication(double median, double morning, double later) {
        List<Double> byHour = new ArrayList<>(Collections.nCopies(24, later));
        for (int h = Calibration.MORNING_FROM; h < Calibration.MORNING_TO; h++) {
            byHour.set(h, morning);
        }
        ForceFigures force = new ForceFigures(4, 4 * 4700, 4 * 2960, 4 * 250, 75, 12, 265, byHour);
        return new ReplicationResult("nearest", 1, 100, 50, 0, median, 36, 0.6, 0.9, 5, 0.3, 10, 1, 1, 0, 0, 1,
                6, median, 0.5, force);
    }

    @Test
    void aTargetPassesWhenTheMeanAcrossReplicationsIsInItsRange() {
        CalibrationTarget median = Calibration.WEST_MIDLANDS.get(0);
        assertThat(median.low()).isCloseTo(13.8 * 0.85, within(1e-9));
        assertThat(median.high()).isCloseTo(13.8 * 1.15, within(1e-9));
        CalibrationTarget.Check inRange = median.check(List.of(replication(12, 5, 15), replication(15, 5, 15)));
        assertThat(inRange.simulated().mean()).isEqualTo(13.5);
        assertThat(inRange.simulated().halfWidth()).isPositive();
        assertThat(inRange.pass()).isTrue();
        assertThat(median.check(List.of(replication(9, 5, 15), replication(10, 5, 15))).pass()).isFalse();
    }

    @Test
    void theHourPatternPassesOnlyWhenAfternoonsAreSlowerThanMornings() {
        CalibrationTarget pattern = Calibration.WEST_MIDLANDS.get(Calibration.WEST_MIDLANDS.size() - 1);
        assertThat(pattern.check(List.of(replication(14, 8, 15))).pass()).isTrue();
        assertThat(pattern.check(List.of(replication(14, 16, 15))).pass()).isFalse();
        assertThat(Calibration.afternoonOverMorning(replication(14, 8, 15))).isCloseTo(7, within(1e-9));
    }

    @Test
    void theReportCountsPassesReadsAsATableAndIsWrittenAsJsonAndChart() throws Exception {
        EvaluationPlan plan = new EvaluationPlan(org.bluelight.simulator.scenario.ScenarioFile.load("west-midlands"),
                35, 7, 2, List.of("nearest"));
        EvaluationReport evaluation = new EvaluationReport(plan, List.of(replication(13.5, 8, 15), replication(14, 9, 16)),
                List.of(), 1);
        CalibrationReport report = CalibrationReport.of(evaluation, "nearest", Calibration.WEST_MIDLANDS);
        assertThat(report.checks()).hasSize(Calibration.WEST_MIDLANDS.size());
        assertThat(report.passed()).isEqualTo(report.checks().stream().filter(CalibrationTarget.Check::pass).count())
                .isGreaterThanOrEqualTo(8);
        assertThat(report.grade1MedianByHour()).hasSize(24);
        assertThat(report.text()).contains("P1 median response (min)", "pass", "targets met");

        Path json = Path.of("target", "calibration-test", "calibration.json");
        Path png = json.resolveSibling("calibration.png");
        report.writeJson(json);
        CalibrationChart.writePng(report, png);
        JsonNode read = new ObjectMapper().readTree(json.toFile());
        assertThat(read.get("checks")).hasSize(Calibration.WEST_MIDLANDS.size());
        assertThat(read.get("checks").get(0).get("figure").asText()).isEqualTo("P1 median response (min)");
        assertThat(read.get("checks").get(0).get("simulated").get("mean").asDouble()).isEqualTo(13.75);
        byte[] image = Files.readAllBytes(png);
        assertThat(new String(image, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
