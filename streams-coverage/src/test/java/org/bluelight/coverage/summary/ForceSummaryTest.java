package org.bluelight.coverage.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ForceSummaryTest {

    @Test
    void sharesAreWeighedByDemand() {
        ForceSummary summary = new ForceSummary.Tally()
                .add(3.0, 2, 1, 0)   // covered, an available officer in reach
                .add(1.0, 1, 0, 0)   // covered by a busy officer only
                .add(1.0, 0, 0, 1)   // uncovered
                .add(0.0, 0, 0, 0)   // no demand: does not count
                .summary();
        assertThat(summary.demandPerHour()).isEqualTo(5.0);
        assertThat(summary.coveredDemandShare()).isCloseTo(0.8, within(1e-9));
        assertThat(summary.availableCoveredShare()).isCloseTo(0.6, within(1e-9));
        assertThat(summary.cellsWithDemand()).isEqualTo(3);
        assertThat(summary.uncoveredCellsWithDemand()).isEqualTo(1);
        assertThat(summary.cellsInDeficit()).isEqualTo(1);
    }

    @Test
    void noDemandIsFullyCovered() {
        assertThat(new ForceSummary.Tally().summary().coveredDemandShare()).isEqualTo(1.0);
    }

    @Test
    void gaugesShowTheSummaryAndRecountAtMostOncePerMaxAge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger recounts = new AtomicInteger();
        ForceSummaryGauges.register(registry, () -> {
            recounts.incrementAndGet();
            return Optional.of(new ForceSummary.Tally().add(2.0, 0, 0, 1).summary());
        }, Duration.ofMinutes(1), Clock.systemUTC());

        assertThat(registry.get("coverage.cells.uncovered").gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("coverage.demand.covered.share").gauge().value()).isZero();
        assertThat(registry.get("coverage.demand.per.hour").gauge().value()).isEqualTo(2.0);
        assertThat(recounts.get()).isEqualTo(1);
    }

    @Test
    void gaugesReadNaNWhileTheCellsCannotBeCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ForceSummaryGauges.register(registry, Optional::empty, Duration.ofMinutes(1), Clock.systemUTC());
        assertThat(registry.get("coverage.cells.deficit").gauge().value()).isNaN();
    }
}
