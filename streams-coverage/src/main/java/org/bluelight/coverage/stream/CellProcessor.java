package org.bluelight.coverage.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.cell.CellCoverage;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellDeltas;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.CellSignal;
import org.bluelight.coverage.cell.CellState;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.demand.DemandEstimator;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.demand.DemandSettings;
import org.bluelight.coverage.demand.HourOfWeek;
import org.bluelight.coverage.impact.SoleCover;
import org.bluelight.coverage.impact.SoleCoverChange;
import org.bluelight.runtime.deadletter.InvalidRecordException;

/**
 * Keeps each cell's counts and incidents in a state store, and which officers reach it in another
 * (one small entry per cell and officer); an officer's deltas come one record per cell or several
 * cells of this partition in one record ({@link CellDeltas}), taken in the same way. Sole-cover changes are passed
 * on at once; a cell whose coverage changed is marked in a logged store of changed cells and
 * published at the next emit (wall-clock), once however many deltas it took in meanwhile. Being
 * logged, the marks survive a crash between a change and its publication.
 */
final class CellProcessor implements Processor<String, CellSignal, String, CellUpdate> {

    private static final String OBSERVED_SINCE = "observed-since";

    private final String cellStoreName;
    private final String membersStoreName;
    private final String observedSinceStoreName;
    private final String changedStoreName;
    private final DemandEstimator estimator;
    private final DemandSeed seed;
    private final RequiredLevels levels;
    private final Duration refresh;
    private final Duration emitInterval;
    private final int cellPartitions;
    private ProcessorContext<String, CellUpdate> context;
    private KeyValueStore<String, CellState> cells;
    private KeyValueStore<String, Boolean> members;
    private KeyValueStore<String, Long> observedSince;
    private KeyValueStore<String, Long> changed;
    private HourOfWeek refreshedHour;

    CellProcessor(String cellStoreName, String membersStoreName, String observedSinceStoreName, String changedStoreName,
                  DemandEstimator estimator, DemandSeed seed, RequiredLevels levels, Duration refresh,
                  Duration emitInterval, int cellPartitions) {
        this.cellStoreName = cellStoreName;
        this.membersStoreName = membersStoreName;
        this.observedSinceStoreName = observedSinceStoreName;
        this.changedStoreName = changedStoreName;
        this.emitInterval = emitInterval;
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
        this.members = context.getStateStore(membersStoreName);
        this.observedSince = context.getStateStore(observedSinceStoreName);
        this.changed = context.getStateStore(changedStoreName);
        context.schedule(refresh, PunctuationType.STREAM_TIME, timestamp -> refreshDemand(Instant.ofEpochMilli(timestamp)));
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> emitChanged());
    }

    @Override
    public void process(Record<String, CellSignal> record) {
        Instant now = Instant.ofEpochMilli(record.timestamp());
        CellSignal signal = record.value();
        if (signal instanceof CellIncident incident) {
            refuseBeyondLimit(record.key(), incident, now);
        }
        observe(signal instanceof CellIncident incident && incident.reportedAt().isBefore(now) ? incident.reportedAt() : now);
        if (signal instanceof CellDeltas batch) {
            for (CellDelta delta : batch.deltas()) {
                take(CellGrid.toHex(delta.cell()), delta, now);
            }
        } else {
            take(record.key(), signal, now);
        }
    }

    private void refuseBeyondLimit(String cellId, CellIncident incident, Instant now) {
        int limit = estimator.settings().maxIncidentsPerCell();
        if (!stateOf(cellId).trimmedTo(estimator.windowStart(now)).hasRoomFor(incident, limit)) {
            throw new InvalidRecordException(DemandSettings.CELL_FULL, "Cell " + cellId + " already holds " + limit
                    + " incidents within the demand window (coverage.demand.max.incidents.per.cell)");
        }
    }

    private void take(String cellId, CellSignal signal, Instant now) {
        CellState before = stateOf(cellId);
        CellState applied = signal instanceof CellDelta delta
                ? applyDelta(cellId, before, delta)
                : before.apply((CellIncident) signal);
        settle(signal.cell(), cellId, before, withDemand(signal.cell(), applied, now), now);
    }

    private CellState applyDelta(String cellId, CellState before, CellDelta delta) {
        String member = CellMembers.key(cellId, delta.officerId());
        Boolean wasAvailable = members.get(member);
        if (delta.reachChange() < 0) {
            members.delete(member);
        } else {
            members.put(member, delta.available());
        }
        return before.apply(delta, wasAvailable, () -> onlyMemberOf(cellId));
    }

    private String onlyMemberOf(String cellId) {
        try (KeyValueIterator<String, Boolean> inReach = members.prefixScan(CellMembers.prefix(cellId),
                Serdes.String().serializer())) {
            return inReach.hasNext() ? CellMembers.officerOf(inReach.next().key) : null;
        }
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
        if (!CellCoverage.of(cell, after, levels).equals(CellCoverage.of(cell, before, levels))) {
            changed.put(key, now.toEpochMilli());
        }
        List<SoleCoverChange> soleCover = SoleCover.changes(cell, before, after);
        if (!soleCover.isEmpty()) {
            context.forward(new Record<>(key, new CellUpdate(Optional.empty(), soleCover, now), now.toEpochMilli()));
        }
    }

    /** Publishes every cell changed since the last emit, with the time of its latest change. */
    private void emitChanged() {
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = changed.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, Long> cell : due) {
            CellCoverage coverage = CellCoverage.of(CellGrid.parse(cell.key), stateOf(cell.key), levels);
            Instant at = Instant.ofEpochMilli(cell.value);
            context.forward(new Record<>(cell.key, new CellUpdate(Optional.of(coverage), List.of(), at), cell.value));
            changed.delete(cell.key);
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
