package org.bluelight.dispatch.stream;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.PositionFix;

/**
 * officer.telematics, in a task of its own: a fix goes on to the officer table only when it moves
 * the unit far enough from the last position sent on, or that position is old enough
 * ({@link DeskForwarding#movesOn}; {@value DispatchTopology#MOVES_SENT_STORE} keeps it); the rest end
 * here. Fixes are most of dispatch's input, and a task reading them with the other inputs checked
 * each empty one before every fix; here there is nothing else to wait for. A bad fix is
 * dead-lettered here, and one older than the last sent on changes nothing.
 */
final class FixProcessor implements Processor<String, PositionFix, String, Inbound.PositionUpdate> {

    private final Inbound inbound;
    private final DeskForwarding forwarding;
    private ProcessorContext<String, Inbound.PositionUpdate> context;
    private KeyValueStore<String, Inbound.PositionUpdate> sent;

    FixProcessor(Inbound inbound, DeskForwarding forwarding) {
        this.inbound = inbound;
        this.forwarding = forwarding;
    }

    @Override
    public void init(ProcessorContext<String, Inbound.PositionUpdate> context) {
        this.context = context;
        this.sent = context.getStateStore(DispatchTopology.MOVES_SENT_STORE);
    }

    @Override
    public void process(Record<String, PositionFix> record) {
        Result<Inbound.PositionUpdate> checked = inbound.fix(record.key(), record.value(), Instant.ofEpochMilli(record.timestamp()));
        if (checked instanceof Result.Invalid<Inbound.PositionUpdate> invalid) {
            throw new InvalidRecordException(invalid.reason(), invalid.detail());
        }
        Inbound.PositionUpdate fix = ((Result.Valid<Inbound.PositionUpdate>) checked).value();
        Inbound.PositionUpdate last = sent.get(record.key());
        if (last != null && fix.at().isBefore(last.at())) {
            return;
        }
        if (!forwarding.movesOn(last == null ? null : last.position(), last == null ? null : last.at(), fix.position(), fix.at())) {
            return;
        }
        sent.put(record.key(), fix);
        context.forward(record.withValue(fix));
    }
}
