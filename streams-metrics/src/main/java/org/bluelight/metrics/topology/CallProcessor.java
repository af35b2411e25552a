package org.bluelight.metrics.topology;

import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.CallInput;
import org.bluelight.metrics.fsu.CallRecord;
import org.bluelight.metrics.fsu.PersonLinker;
import org.bluelight.metrics.fsu.PersonUpdate;

/**
 * Each call's facts and resource events, keyed by incident id, build its {@link CallRecord}
 * ({@value MetricsTopology#CALLS_STORE}); the people it now links (and no longer links) go on
 * keyed by person id. A call is forgotten {@link Retention#fsuSources} after its last change.
 */
final class CallProcessor implements Processor<String, CallInput, String, PersonUpdate> {

    private final Retention retention;
    private ProcessorContext<String, PersonUpdate> context;
    private SourceExpiry expiry;
    private KeyValueStore<String, CallRecord> calls;

    CallProcessor(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, PersonUpdate> context) {
        this.context = context;
        calls = context.getStateStore(MetricsTopology.CALLS_STORE);
        expiry = new SourceExpiry(context.getStateStore(MetricsTopology.CALL_TIMES_STORE));
        context.schedule(retention.sweepInterval(retention.fsuSources()), PunctuationType.STREAM_TIME,
                streamTime -> expiry.purge(streamTime - retention.fsuSources().toMillis(), calls));
    }

    /**
     * Only the person updates that change an entry go on: the call's stored version sent its own when it was
     * stored, so an update equal to one of them is sent already. Most inputs are resource events, and an
     * engagement (an open stint counts no time) or a second release changes no one's entry, and sending it
     * again cost a repartitioned record and a ledger write (in the replay bench, one of each incident's three).
     */
    @Override
    public void process(Record<String, CallInput> record) {
        CallRecord stored = calls.get(record.key());
        CallRecord call = record.value().applyTo(stored == null ? CallRecord.empty() : stored);
        PersonLinker.Relink relink = call.relink();
        calls.put(record.key(), call.withLinks(relink.links()));
        expiry.changed(record.key(), record.timestamp());
        Set<PersonUpdate> sent = stored == null ? Set.of() : new HashSet<>(stored.relink().updates());
        relink.updates().stream()
                .filter(update -> !sent.contains(update))
                .forEach(update -> context.forward(record.withKey(update.personId()).withValue(update)));
    }
}
