package org.bluelight.ops.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.ResponseKpi;
import org.junit.jupiter.api.Test;

class ReplayFiguresTest {

    @Test
    void availabilityMeansPresentInOneReplayOnlyAreCountedApartFromTheirDifferences() {
        ReplayFigures fast = figures(Map.of("w1", kpi(3.0), "w2", kpi(4.0), "w3", kpi(null)));
        ReplayFigures slow = figures(Map.of("w1", kpi(3.5), "w2", kpi(null), "w3", kpi(null)));

        ReplayFigures.Comparison comparison = fast.compare(slow);

        assertThat(comparison.equal()).as("response figures are equal").isTrue();
        assertThat(comparison.availability())
                .isEqualTo("availability means differ in 1 of 3 windows (largest difference 0.500 officers); a mean in one replay only in 1");
    }

    @Test
    void differentResponseFiguresAreDifferences() {
        ResponseKpi other = ResponseKpi.newBuilder(kpi(3.0)).setCount(2).build();

        ReplayFigures.Comparison comparison = figures(Map.of("w1", kpi(3.0))).compare(figures(Map.of("w1", other)));

        assertThat(comparison.equal()).isFalse();
        assertThat(comparison.differences()).singleElement().asString().contains("w1");
    }

    private static ReplayFigures figures(Map<String, ResponseKpi> kpis) {
        return new ReplayFigures(List.of(), Map.of(), Map.of(), kpis);
    }

    private static ResponseKpi kpi(Double available) {
        return ResponseKpi.newBuilder().setDispatchGroup("G1").setGrade(1).setWindowSize(KpiWindow.HOUR)
                .setWindowStart(Instant.parse("2025-12-05T10:00:00Z")).setWindowEnd(Instant.parse("2025-12-05T11:00:00Z"))
                .setCount(1).setMedianSeconds(600.0).setP90Seconds(600.0).setTargetSeconds(900).setOnTargetCount(1)
                .setOnTargetShare(1.0).setAvailableOfficersMean(available).setBusyOfficersMean(available == null ? null : 1.0)
                .build();
    }
}
