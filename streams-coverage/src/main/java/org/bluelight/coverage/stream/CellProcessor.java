package org.bluelight.coverage.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.cell.CellCoverage;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.CellSignal;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.demand.DemandEstimator;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.demand.HourOfWeek;
import org.bluelight.coverage.impact.SoleCover;
import org.bluelight.coverage.impact.SoleCoverChange;

/**
 * Keeps each cell's officers in reach and incidents in a state store, and passes on the cell's new
 * coverage and sole-cover changes whenever a delta, an incident or the turn of the hour of the week
 * changes them.
 */
final class CellProcessor implements Processor<String, CellSignal, String, CellUpdate> {

    private static final String OBSERVED_SINCE = "observed-since";

    private final String cellStoreName;
    private final String observedSinceStoreName;
    private final DemandEstimator estimator;
    private final DemandSeed seed;
    private final RequiredLevels levels;
    private final Duration refresh;
    private final int cellPartitions;
    private ProcessorContext<String, CellUpdate> context;
    private KeyValueStore<String, CellState> cells;
    private KeyValueStore<String, Long> observedSince;
    private HourOfWeek refreshedHour;

    CellProcessor(String cellStoreName, String observedSinceStoreName, DemandEstimator estimator, DemandSeed seed,
                  RequiredLevels levels, Duration refresh, int cellPartitions) {
        this.cellStoreName = cellStoreName;
        this.observedSinceStoreName = observedSinceStoreName;
        this.estimator = estimator;
        this.seed = seed;
        this.levels = levels;
        this.refresh = refresh;
        this.cellPartitions = cellPartitions;
    }

    @Override
    public void init(ProcessorContext<String, CellUpdate> context) {
        this.context = context;
        this.cells = context.getStateStore(cellStoreName);
        this.observedSince = context.getStateStore(observedSinceStoreName);
        context.schedule(refresh, PunctuationType.STREAM_TIME, timestamp -> refreshDemand(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    public void process(Record<String, CellSignal> record) {
        Instant now = Instant.ofEpochMilli(record.timestamp());
        CellSignal signal = record.value();
        observe(signal instanceof CellIncident incident && incident.reportedAt().isBefore(now) ? incident.reportedAt() : now);
        CellState before = stateOf(record.key());
        CellState applied = signal instanceof CellDelta delta ? before.apply(delta) : before.apply((CellIncident) signal);
        settle(signal.cell(), record.key(), before, withDemand(signal.cell(), applied, now), now);
    }

    /** When the hour of the week turns, every cell's demand (and a seeded cell's first) is due. */
    private void refreshDemand(Instant now) {
        HourOfWeek hour = HourOfWeek.of(now, estimator.settings().zone());
        if (hour.equals(refreshedHour)) {
            return;
        }
        refreshedHour = hour;
        List<KeyValue<String, CellState>> known = new ArrayList<>();
        try (KeyValueIterator<String, CellState> all = cells.all()) {
            all.forEachRemaining(known::add);
        }
        Set<Long> seen = new HashSet<>();
        for (KeyValue<String, CellState> entry : known) {
            long cell = CellGrid.parse(entry.key);
            seen.add(cell);
            settle(cell, entry.key, entry.value, withDemand(cell, entry.value, now), now);
        }
        int partition = context.taskId().partition();
        for (long cell : seed.cells()) {
            String key = CellGrid.toHex(cell);
            if (!seen.contains(cell) && CellPartitions.partitionOf(key, cellPartitions) == partition) {
                settle(cell, key, CellState.empty(), withDemand(cell, CellState.empty(), now), now);
            }
        }
    }

    private CellState withDemand(long cell, CellState state, Instant now) {
        CellState trimmed = state.trimmedTo(estimator.windowStart(now));
        double seeded = seed.rateFor(cell, HourOfWeek.of(now, estimator.settings().zone()));
        return trimmed.withDemand(estimator.ratePerHour(trimmed.incidents().values(), now, seeded, observedSince()));
    }

    private void settle(long cell, String key, CellState before, CellState after, Instant now) {
        if (after.isEmpty()) {
            cells.delete(key);
        } else if (!after.equals(before)) {
            cells.put(key, after);
        }
        CellCoverage old = CellCoverage.of(cell, before, levels);
        CellCoverage coverage = CellCoverage.of(cell, after, levels);
        List<SoleCoverChange> soleCover = SoleCover.changes(cell, before, after);
        if (!coverage.equals(old) || !soleCover.isEmpty()) {
            Optional<CellCoverage> changed = coverage.equals(old) ? Optional.empty() : Optional.of(coverage);
            context.forward(new Record<>(key, new CellUpdate(changed, soleCover, now), now.toEpochMilli()));
        }
    }

    private CellState stateOf(String key) {
        CellState state = cells.get(key);
        return state == null ? CellState.empty() : state;
    }

    private void observe(Instant at) {
        Long since = observedSince.get(OBSERVED_SINCE);
        if (since == null || at.toEpochMilli() < since) {
            observedSince.put(OBSERVED_SINCE, at.toEpochMilli());
        }
    }

    private Instant observedSince() {
        Long since = observedSince.get(OBSERVED_SINCE);
        return since == null ? Instant.MAX : Instant.ofEpochMilli(since);
    }
}
