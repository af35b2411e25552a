package org.bluelight.dispatch.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.InvalidRecordException;

/**
 * Keeps the live availability table (officer id → unit state) from one input and passes every
 * change on to the unit's dispatch group. A change of group tells the old group the unit left.
 */
abstract class OfficerTableProcessor<V> implements Processor<String, V, String, GroupEvent> {

    private ProcessorContext<String, GroupEvent> context;
    private KeyValueStore<String, Officer> officers;

    @Override
    public void init(ProcessorContext<String, GroupEvent> context) {
        this.context = context;
        this.officers = context.getStateStore(DispatchTopology.OFFICERS_STORE);
    }

    @Override
    public void process(Record<String, V> record) {
        Officer previous = officers.get(record.key());
        Officer updated = apply(record.key(), previous, record.value());
        officers.put(record.key(), updated);
        if (previous != null && !previous.dispatchGroup().equals(updated.dispatchGroup())) {
            context.forward(record.withKey(previous.dispatchGroup())
                    .withValue(new GroupEvent.OfficerLeft(updated.id(), previous.dispatchGroup())));
        }
        context.forward(record.withKey(updated.dispatchGroup()).withValue(new GroupEvent.OfficerUpdated(updated)));
    }

    /**
     * The unit's new state.
     *
     * @throws InvalidRecordException for input that must be dead-lettered
     */
    abstract Officer apply(String officerId, Officer previous, V value);

    static InvalidRecordException unknownOfficer(String officerId, String what) {
        return new InvalidRecordException("unknown-officer", what + " for officer " + officerId
                + ", who has no status on record");
    }
}
