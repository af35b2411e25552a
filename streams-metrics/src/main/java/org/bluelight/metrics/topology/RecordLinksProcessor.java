package org.bluelight.metrics.topology;

import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.PersonLinker;
import org.bluelight.metrics.fsu.PersonUpdate;

/**
 * Each crime or custody record's people, keyed by record, through the {@link PersonLinker} (the
 * record's last links in {@value MetricsTopology#RECORD_LINKS_STORE}); updates go on keyed by person id.
 * A record's links are forgotten {@link Retention#fsuSources} after its last version.
 */
final class RecordLinksProcessor implements Processor<String, List<PersonUpdate>, String, PersonUpdate> {

    private final Retention retention;
    private ProcessorContext<String, PersonUpdate> context;
    private SourceExpiry expiry;
    private KeyValueStore<String, Set<String>> links;

    RecordLinksProcessor(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, PersonUpdate> context) {
        this.context = context;
        links = context.getStateStore(MetricsTopology.RECORD_LINKS_STORE);
        expiry = new SourceExpiry(context.getStateStore(MetricsTopology.RECORD_TIMES_STORE));
        context.schedule(retention.sweepInterval(retention.fsuSources()), PunctuationType.STREAM_TIME,
                streamTime -> expiry.purge(streamTime - retention.fsuSources().toMillis(), links));
    }

    @Override
    public void process(Record<String, List<PersonUpdate>> record) {
        Set<String> previous = links.get(record.key());
        PersonLinker.Relink relink = PersonLinker.relink(previous == null ? Set.of() : previous, record.value());
        links.put(record.key(), relink.links());
        expiry.changed(record.key(), record.timestamp());
        relink.updates().forEach(update -> context.forward(record.withKey(update.personId()).withValue(update)));
    }
}
