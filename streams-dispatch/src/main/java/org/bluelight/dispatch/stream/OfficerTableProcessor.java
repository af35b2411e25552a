package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;

/**
 * Keeps the live availability table (officer id → unit state) from one input and passes every
 * change on to the unit's dispatch group. A change of group tells the old group the unit left.
 * Input is checked first, so a refused record touches no state; an update for an officer with no
 * status yet is held in {@link EarlyUpdates} until the status comes.
 *
 * @param <V> the input contract
 * @param <C> what the check makes of it
 */
abstract class OfficerTableProcessor<V, C> implements Processor<String, V, String, GroupEvent> {

    private final EarlyHold hold;
    private final MeterRegistry meters;
    private ProcessorContext<String, GroupEvent> context;
    private KeyValueStore<String, Officer> officers;
    EarlyUpdates early;

    OfficerTableProcessor(EarlyHold hold, MeterRegistry meters) {
        this.hold = hold;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, GroupEvent> context) {
        this.context = context;
        this.officers = context.getStateStore(DispatchTopology.OFFICERS_STORE);
        this.early = new EarlyUpdates(context.getStateStore(DispatchTopology.EARLY_UPDATES_STORE),
                context.getStateStore(DispatchTopology.EARLY_COUNT_STORE), hold, meters);
    }

    @Override
    public void process(Record<String, V> record) {
        Instant at = Instant.ofEpochMilli(record.timestamp());
        Result<C> checked = check(record.key(), record.value(), at);
        if (checked instanceof Result.Invalid<C> invalid) {
            throw new InvalidRecordException(invalid.reason(), invalid.detail());
        }
        C input = ((Result.Valid<C>) checked).value();
        Officer previous = officers.get(record.key());
        Optional<Officer> changed = apply(record.key(), previous, input, at);
        if (changed.isEmpty()) {
            return;
        }
        Officer updated = changed.get();
        officers.put(record.key(), updated);
        if (previous != null && !previous.dispatchGroup().equals(updated.dispatchGroup())) {
            context.forward(record.withKey(previous.dispatchGroup())
                    .withValue(new GroupEvent.OfficerLeft(updated.id(), previous.dispatchGroup())));
        }
        context.forward(record.withKey(updated.dispatchGroup()).withValue(new GroupEvent.OfficerUpdated(updated)));
    }

    /** The record's content, or why it is refused (then it is dead-lettered). */
    abstract Result<C> check(String key, V value, Instant recordTime);

    /** The unit's new state; empty when nothing is published (the update is held for a status to come). */
    abstract Optional<Officer> apply(String officerId, Officer previous, C input, Instant recordTime);
}
