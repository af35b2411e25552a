package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.Result;

/**
 * A unit's move, as the telematics task ({@link FixProcessor}) sent it on after checking its fix: the
 * unit's position; an older one than the one held changes nothing. A move read before the officer's
 * first status is held for it.
 */
final class PositionProcessor extends OfficerTableProcessor<Inbound.PositionUpdate, Inbound.PositionUpdate> {

    PositionProcessor(EarlyHold hold, DeskForwarding forwarding, MeterRegistry meters) {
        super(hold, forwarding, meters);
    }

    @Override
    Result<Inbound.PositionUpdate> check(String key, Inbound.PositionUpdate move, Instant recordTime) {
        return Result.valid(move);
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
