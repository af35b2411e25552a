package org.bluelight.coverage.stream;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.coverage.impact.ImpactSignal;
import org.bluelight.coverage.impact.OfficerImpact;
import org.bluelight.schemas.OfficerCoverageImpact;

/** Keeps each officer's sole-cover cells and reach size, and publishes their impact when it changes. */
final class ImpactProcessor implements Processor<String, ImpactSignal, String, OfficerCoverageImpact> {

    private final String storeName;
    private ProcessorContext<String, OfficerCoverageImpact> context;
    private KeyValueStore<String, OfficerImpact> store;

    ImpactProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, OfficerCoverageImpact> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ImpactSignal> record) {
        String officerId = record.key();
        OfficerImpact stored = store.get(officerId);
        OfficerImpact before = stored == null ? OfficerImpact.none() : stored;
        OfficerImpact after = before.apply(record.value());
        if (after.equals(before)) {
            return;
        }
        if (after.isNone()) {
            store.delete(officerId);
        } else {
            store.put(officerId, after);
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        context.forward(record.withValue(CoverageRecords.impact(officerId, after, at)));
    }
}
