package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;

/**
 * Keeps the live availability table (officer id → unit state) from one input and passes changes
 * on to the unit's dispatch group as {@link DeskForwarding} decides: every change but a small move
 * ({@value DispatchTopology#AT_DESK_STORE} keeps the unit as its desk last got it). A change of
 * group tells the old group the unit left. Input is checked first, so a refused record touches no
 * state; an update for an officer with no status yet is held in {@link EarlyUpdates} until the status comes.
 *
 * @param <V> the input contract
 * @param <C> what the check makes of it
 */
abstract class OfficerTableProcessor<V, C> implements Processor<String, V, String, GroupEvent> {

    private final EarlyHold hold;
    private final DeskForwarding forwarding;
    private final MeterRegistry meters;
    private ProcessorContext<String, GroupEvent> context;
    private KeyValueStore<String, Officer> officers;
    private KeyValueStore<String, Officer> atDesk;
    EarlyUpdates early;

    OfficerTableProcessor(EarlyHold hold, DeskForwarding forwarding, MeterRegistry meters) {
        this.hold = hold;
        this.forwarding = forwarding;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, GroupEvent> context) {
        this.context = context;
        this.officers = context.getStateStore(DispatchTopology.OFFICERS_STORE);
        this.atDesk = context.getStateStore(DispatchTopology.AT_DESK_STORE);
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
        // State written before fixes were thinned has no desk copy: then the desk got every change.
        Officer desk = Optional.ofNullable(atDesk.get(record.key())).orElse(previous);
        if (!forwarding.forwards(desk, updated)) {
            return;
        }
        atDesk.put(record.key(), updated);
        if (desk != null && !desk.dispatchGroup().equals(updated.dispatchGroup())) {
            context.forward(record.withKey(desk.dispatchGroup())
                    .withValue(new GroupEvent.OfficerLeft(updated.id(), desk.dispatchGroup())));
        }
        context.forward(record.withKey(updated.dispatchGroup()).withValue(new GroupEvent.OfficerUpdated(updated)));
    }

    /** The record's content, or why it is refused (then it is dead-lettered). */
    abstract Result<C> check(String key, V value, Instant recordTime);

    /** The unit's new state; empty when nothing is published (the update is held for a status to come). */
    abstract Optional<Officer> apply(String officerId, Officer previous, C input, Instant recordTime);
}
