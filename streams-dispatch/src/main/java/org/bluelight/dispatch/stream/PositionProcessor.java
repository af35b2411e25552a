package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.PositionFix;

/**
 * officer.telematics: a unit's latest position; an older fix than the one held changes nothing.
 * A fix read before the officer's first status is held for it.
 */
final class PositionProcessor extends OfficerTableProcessor<PositionFix, Inbound.PositionUpdate> {

    private final Inbound inbound;

    PositionProcessor(Inbound inbound, EarlyHold hold, DeskForwarding forwarding, MeterRegistry meters) {
        super(hold, forwarding, meters);
        this.inbound = inbound;
    }

    @Override
    Result<Inbound.PositionUpdate> check(String key, PositionFix fix, Instant recordTime) {
        return inbound.fix(key, fix, recordTime);
    }

    @Override
    Optional<Officer> apply(String officerId, Officer previous, Inbound.PositionUpdate fix, Instant recordTime) {
        if (previous == null) {
            early.hold(officerId, recordTime, held -> held.withPosition(fix.position(), fix.at()));
            return Optional.empty();
        }
        return Optional.of(previous.withPosition(fix.position(), fix.at()));
    }
}
