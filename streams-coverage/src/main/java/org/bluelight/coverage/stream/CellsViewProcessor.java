package org.bluelight.coverage.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.schemas.CoverageCell;

/** Keeps the latest published coverage of every cell in the global view. */
final class CellsViewProcessor implements Processor<String, CoverageCell, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, CoverageCell> store;

    CellsViewProcessor(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, CoverageCell> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
