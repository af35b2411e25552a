package org.bluelight.metrics.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.HotSpot;

/**
 * ref.hotspots, on every instance: keeps the global store ({@value MetricsTopology#HOTSPOTS_STORE})
 * and the in-memory {@link HotSpotCatalogue} that places occurrences and fixes in sync; the
 * catalogue is loaded from the restored store at start.
 */
final class HotSpotCatalogueProcessor implements Processor<String, HotSpot, Void, Void> {

    private final HotSpotCatalogue catalogue;
    private KeyValueStore<String, HotSpot> hotSpots;

    HotSpotCatalogueProcessor(HotSpotCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        hotSpots = context.getStateStore(MetricsTopology.HOTSPOTS_STORE);
        catalogue.loadIfEmpty(StoreScan.values(hotSpots));
    }

    @Override
    public void process(Record<String, HotSpot> record) {
        if (record.value() == null) {
            hotSpots.delete(record.key());
            catalogue.remove(record.key());
            return;
        }
        if (InputChecks.hotSpot(record.value()) instanceof Result.Invalid<HotSpot> invalid) {
            // The runtime's handler counts it as a dead letter; a global store's thread cannot write one.
            throw new InvalidRecordException(invalid.reason(), invalid.detail());
        }
        catalogue.put(record.value());
        hotSpots.put(record.key(), record.value());
    }
}
