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
import org.bluelight.coverage.reach.OfficerReach;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachDecision;
import org.bluelight.coverage.reach.ReachStep;
import org.bluelight.coverage.reach.ReachTracker;

/** Keeps each officer's last reach in a state store and passes on what each update changed. */
final class ReachProcessor implements Processor<String, OfficerUpdate, String, ReachStep> {

    static final String DECISIONS = "coverage.reach.decisions";

    private final String storeName;
    private final ReachTracker tracker;
    private final Map<ReachDecision, Counter> decisions = new EnumMap<>(ReachDecision.class);
    private ProcessorContext<String, ReachStep> context;
    private KeyValueStore<String, OfficerReach> store;

    ReachProcessor(String storeName, ReachTracker tracker, MeterRegistry meters) {
        this.storeName = storeName;
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
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, OfficerUpdate> record) {
        String officerId = record.key();
        OfficerReach before = store.get(officerId);
        ReachStep step = tracker.apply(officerId, before == null ? OfficerReach.unknown() : before, record.value());
        decisions.get(step.decision()).increment();
        if (!step.officer().equals(before)) {
            store.put(officerId, step.officer());
        }
        if (!step.deltas().isEmpty() || step.reachSizeChanged()) {
            context.forward(record.withValue(step));
        }
    }
}
