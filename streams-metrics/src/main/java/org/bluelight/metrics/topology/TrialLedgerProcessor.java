package org.bluelight.metrics.topology;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.metrics.trial.OccurrenceVersion;

/**
 * Each occurrence version, keyed by occurrence, meets its {@link ContributionLedger} entries
 * ({@value MetricsTopology#TRIAL_LEDGER_STORE}); the count changes go on keyed by hot-spot-day.
 * Entries that can no longer change a count are purged on stream time.
 */
final class TrialLedgerProcessor implements Processor<String, OccurrenceVersion, String, HotSpotDayChange> {

    private final MetricsSettings settings;
    private ProcessorContext<String, HotSpotDayChange> context;
    private KeyValueStore<String, ContributionLedger.Entry> store;
    private ContributionLedger ledger;

    TrialLedgerProcessor(MetricsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, HotSpotDayChange> context) {
        this.context = context;
        store = context.getStateStore(MetricsTopology.TRIAL_LEDGER_STORE);
        context.schedule(settings.retention().sweepInterval(settings.retention().trialLedger()), PunctuationType.STREAM_TIME, this::purge);
        ledger = new ContributionLedger(new ContributionLedger.Store() {
            @Override
            public ContributionLedger.Entry get(String recordKey) {
                return store.get(recordKey);
            }

            @Override
            public void put(String recordKey, ContributionLedger.Entry entry) {
                store.put(recordKey, entry);
            }

            @Override
            public void delete(String recordKey) {
                store.delete(recordKey);
            }
        });
    }

    @Override
    public void process(Record<String, OccurrenceVersion> record) {
        OccurrenceVersion version = record.value();
        List<HotSpotDayChange> changes = version.crime()
                ? ledger.crime(version.recordId(), version.incidentId(), version.contribution(), version.at())
                : ledger.incident(version.recordId(), version.contribution(), version.at());
        changes.forEach(change -> context.forward(record.withKey(change.dayKey()).withValue(change)));
    }

    private void purge(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.retention().trialLedger());
        StoreScan.keysWhere(store, entry -> entry.expiredBefore(cutoff, settings.trialClock())).forEach(store::delete);
    }
}
