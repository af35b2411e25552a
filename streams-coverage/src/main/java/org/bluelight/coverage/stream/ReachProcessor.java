package org.bluelight.coverage.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachDecision;
import org.bluelight.coverage.reach.ReachStep;
import org.bluelight.coverage.reach.ReachTracker;

/**
 * Keeps each officer's last reach in two state stores and passes on what each update changed. The
 * reach's cells (thousands) are stored apart from the rest (status, position, where the reach was
 * computed), so the many fixes that change only the position log a few bytes, not the cells.
 */
final class ReachProcessor implements Processor<String, OfficerUpdate, String, ReachStep> {

    static final String DECISIONS = "coverage.reach.decisions";

    private final String officerStoreName;
    private final String cellsStoreName;
    private final ReachTracker tracker;
    private final Map<ReachDecision, Counter> decisions = new EnumMap<>(ReachDecision.class);
    private ProcessorContext<String, ReachStep> context;
    private KeyValueStore<String, OfficerReach> officers;
    private KeyValueStore<String, CellSet> cells;

    ReachProcessor(String officerStoreName, String cellsStoreName, ReachTracker tracker, MeterRegistry meters) {
        this.officerStoreName = officerStoreName;
        this.cellsStoreName = cellsStoreName;
        this.tracker = tracker;
        for (ReachDecision decision : ReachDecision.values()) {
            decisions.put(decision, Counter.builder(DECISIONS)
                    .description("Officer updates by what they meant for the officer's reach")
                    .tag("decision", decision.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    @Override
    public void init(ProcessorContext<String, ReachStep> context) {
        this.context = context;
        this.officers = context.getStateStore(officerStoreName);
        this.cells = context.getStateStore(cellsStoreName);
    }

    private CellSet cellsOf(String officerId) {
        CellSet reach = cells.get(officerId);
        return reach == null ? CellSet.empty() : reach;
    }

    @Override
    public void process(Record<String, OfficerUpdate> record) {
        String officerId = record.key();
        OfficerReach stored = officers.get(officerId);
        OfficerReach before = stored == null ? OfficerReach.unknown() : stored.withCells(cellsOf(officerId));
        ReachStep step = tracker.apply(officerId, before, record.value());
        decisions.get(step.decision()).increment();
        OfficerReach after = step.officer();
        if (!after.withoutCells().equals(stored)) {
            officers.put(officerId, after.withoutCells());
        }
        if (!after.cells().equals(before.cells())) {
            if (after.cells().isEmpty()) {
                cells.delete(officerId);
            } else {
                cells.put(officerId, after.cells());
            }
        }
        if (!step.deltas().isEmpty() || step.reachSizeChanged()) {
            context.forward(record.withValue(step));
        }
    }
}
