package org.bluelight.metrics.topology;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.metrics.trial.OccurrenceVersion;
import org.bluelight.metrics.trial.TrialDayClock;

/**
 * Each occurrence version, keyed by occurrence, meets its {@link ContributionLedger} entries
 * ({@value MetricsTopology#TRIAL_LEDGER_STORE}); the count changes go on keyed by hot-spot-day.
 * Entries that can no longer change a count are purged by the low watermark of the input partitions
 * the task's records came from ({@value MetricsTopology#TRIAL_SOURCES_STORE}), reading only what is
 * due: each entry is listed by the time it is kept until ({@value MetricsTopology#TRIAL_LEDGER_TIMES_STORE};
 * entries of versions without the list are listed at start).
 */
final class TrialLedgerProcessor implements Processor<String, OccurrenceVersion, String, HotSpotDayChange> {

    private final MetricsSettings settings;
    private final TrialDayClock clock;
    private ProcessorContext<String, HotSpotDayChange> context;
    private KeyValueStore<String, ContributionLedger.Entry> store;
    private TimeIndex keptUntil;
    /**
     * The partitions seen so far count, not a fixed number: a force that publishes no crime records would otherwise
     * never purge. They are stored, so only a first start could purge before a partition is seen, and only if that
     * partition starts a whole retention behind the others.
     */
    private InputWatermark inputs;
    private ContributionLedger ledger;

    TrialLedgerProcessor(MetricsSettings settings) {
        this.settings = settings;
        this.clock = settings.trialClock();
    }

    @Override
    public void init(ProcessorContext<String, HotSpotDayChange> context) {
        this.context = context;
        store = context.getStateStore(MetricsTopology.TRIAL_LEDGER_STORE);
        inputs = new InputWatermark(context.getStateStore(MetricsTopology.TRIAL_SOURCES_STORE), 0);
        keptUntil = new TimeIndex(context.getStateStore(MetricsTopology.TRIAL_LEDGER_TIMES_STORE));
        if (keptUntil.isEmpty()) {
            listEntriesWrittenBeforeTheList();
        }
        ledger = new ContributionLedger(new ContributionLedger.Store() {
            @Override
            public ContributionLedger.Entry get(String recordKey) {
                return store.get(recordKey);
            }

            @Override
            public void put(String recordKey, ContributionLedger.Entry previous, ContributionLedger.Entry entry) {
                store.put(recordKey, entry);
                keptUntil.list(recordKey, previous == null ? null : previous.keptUntil(clock), entry.keptUntil(clock));
            }

            @Override
            public void delete(String recordKey, ContributionLedger.Entry previous) {
                store.delete(recordKey);
                keptUntil.unlist(recordKey, previous.keptUntil(clock));
            }
        });
    }

    private void listEntriesWrittenBeforeTheList() {
        try (KeyValueIterator<String, ContributionLedger.Entry> all = store.all()) {
            all.forEachRemaining(entry -> keptUntil.list(entry.key, null, entry.value.keptUntil(clock)));
        }
    }

    @Override
    public void process(Record<String, OccurrenceVersion> record) {
        OccurrenceVersion version = record.value();
        // Versions in flight from before the partition was stamped carry none: their time counts for no partition.
        if (version.source() != null && inputs.report(version.source(), record.timestamp())) {
            purgeOnEnteringASweepInterval();
        }
        List<HotSpotDayChange> changes = version.crime()
                ? ledger.crime(version.recordId(), version.incidentId(), version.contribution(), version.at())
                : ledger.incident(version.recordId(), version.contribution(), version.at());
        changes.forEach(change -> context.forward(record.withKey(change.dayKey()).withValue(change)));
    }

    /**
     * Purges by the inputs' low watermark, not stream time: stream time is the latest record of any input partition,
     * months ahead of the others in a replay, and purging by it dropped an incident's entry before the crime records
     * raised from it were read, so they counted as new occurrences.
     */
    private void purgeOnEnteringASweepInterval() {
        OptionalLong low = inputs.sweepDue(settings.retention().sweepInterval(settings.retention().trialLedger()));
        if (low.isEmpty()) {
            return;
        }
        Instant cutoff = Instant.ofEpochMilli(low.getAsLong()).minus(settings.retention().trialLedger());
        for (TimeIndex.Listed listed : keptUntil.upTo(cutoff.toEpochMilli())) {
            ContributionLedger.Entry entry = store.get(listed.key());
            if (entry == null || entry.expiredBefore(cutoff, clock)) {
                store.delete(listed.key());
                keptUntil.remove(listed);
            }
        }
    }
}
