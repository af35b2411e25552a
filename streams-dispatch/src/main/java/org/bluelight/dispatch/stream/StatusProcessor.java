package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.OfficerStatus;

/**
 * officer.status: a unit's full attributes and status marker. A first status takes what was held
 * for the officer before it; stream time drops what waited too long.
 */
final class StatusProcessor extends OfficerTableProcessor<OfficerStatus, Officer> {

    static final Duration EXPIRY_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final Inbound inbound;

    StatusProcessor(Inbound inbound, EarlyHold hold, DeskForwarding forwarding, MeterRegistry meters) {
        super(hold, forwarding, meters);
        this.inbound = inbound;
    }

    @Override
    public void init(ProcessorContext<String, GroupEvent> context) {
        super.init(context);
        context.schedule(EXPIRY_CHECK_INTERVAL, PunctuationType.STREAM_TIME,
                timestamp -> early.expire(Instant.ofEpochMilli(timestamp)));
    }

    @Override
    Result<Officer> check(String key, OfficerStatus status, Instant recordTime) {
        return inbound.officer(key, status, recordTime);
    }

    @Override
    Optional<Officer> apply(String officerId, Officer previous, Officer status, Instant recordTime) {
        if (previous != null) {
            return Optional.of(previous.withStatusFrom(status));
        }
        return Optional.of(early.take(officerId).map(held -> held.appliedTo(status)).orElse(status));
    }
}
