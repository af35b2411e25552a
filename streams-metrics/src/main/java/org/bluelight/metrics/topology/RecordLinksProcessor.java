package org.bluelight.metrics.topology;

import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.PersonLinker;
import org.bluelight.metrics.fsu.PersonUpdate;

/**
 * Each crime or custody record's people, keyed by record, through the {@link PersonLinker} (the
 * record's last links in {@value MetricsTopology#RECORD_LINKS_STORE}); updates go on keyed by person id.
 */
final class RecordLinksProcessor implements Processor<String, List<PersonUpdate>, String, PersonUpdate> {

    private ProcessorContext<String, PersonUpdate> context;
    private KeyValueStore<String, Set<String>> links;

    @Override
    public void init(ProcessorContext<String, PersonUpdate> context) {
        this.context = context;
        links = context.getStateStore(MetricsTopology.RECORD_LINKS_STORE);
    }

    @Override
    public void process(Record<String, List<PersonUpdate>> record) {
        Set<String> previous = links.get(record.key());
        PersonLinker.Relink relink = PersonLinker.relink(previous == null ? Set.of() : previous, record.value());
        links.put(record.key(), relink.links());
        relink.updates().forEach(update -> context.forward(record.withKey(update.personId()).withValue(update)));
    }
}
