package org.bluelight.coverage.summary;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The force summary as Micrometer gauges. The summary is recounted from the cells at most once
 * per {@code maxAge}, however often the gauges are scraped; while it cannot be counted (the cells
 * are still loading) the gauges read NaN, not a made-up number.
 */
public final class ForceSummaryGauges {

    private final Supplier<Optional<ForceSummary>> source;
    private final Duration maxAge;
    private final Clock clock;
    private Optional<ForceSummary> latest = Optional.empty();
    private Instant latestAt = Instant.MIN;

    private ForceSummaryGauges(Supplier<Optional<ForceSummary>> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public static ForceSummaryGauges register(MeterRegistry registry, Supplier<Optional<ForceSummary>> source,
                                              Duration maxAge, Clock clock) {
        ForceSummaryGauges gauges = new ForceSummaryGauges(source, maxAge, clock);
        gauges.gauge(registry, "coverage.demand.per.hour", "Expected grade 1-2 incidents per hour, all cells",
                ForceSummary::demandPerHour);
        gauges.gauge(registry, "coverage.demand.covered.share",
                "Share of demand in cells that keep their required level", ForceSummary::coveredDemandShare);
        gauges.gauge(registry, "coverage.demand.available.share",
                "Share of demand in cells an available officer can reach", ForceSummary::availableCoveredShare);
        gauges.gauge(registry, "coverage.cells.with.demand", "Cells with demand", s -> s.cellsWithDemand());
        gauges.gauge(registry, "coverage.cells.uncovered", "Cells with demand no officer can reach in time",
                s -> s.uncoveredCellsWithDemand());
        gauges.gauge(registry, "coverage.cells.deficit", "Cells with fewer officers in reach than required",
                s -> s.cellsInDeficit());
        return gauges;
    }

    public synchronized Optional<ForceSummary> current() {
        Instant now = clock.instant();
        if (latest.isEmpty() || latestAt.plus(maxAge).isBefore(now)) {
            latest = source.get();
            latestAt = now;
        }
        return latest;
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<ForceSummary> value) {
        Gauge.builder(name, this, gauges -> gauges.current().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description)
                .register(registry);
    }
}
