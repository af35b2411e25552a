package org.bluelight.dispatch.stream;

import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.PositionFix;

/** officer.telematics: a unit's latest position; an older fix than the one held changes nothing. */
final class PositionProcessor extends OfficerTableProcessor<PositionFix> {

    private final Inbound inbound;

    PositionProcessor(Inbound inbound) {
        this.inbound = inbound;
    }

    @Override
    Officer apply(String officerId, Officer previous, PositionFix fix) {
        if (previous == null) {
            throw unknownOfficer(officerId, "position fix");
        }
        Result<GeoPoint> checked = inbound.location(fix.getPosition(), "position fix of " + officerId);
        if (checked instanceof Result.Invalid<GeoPoint> invalid) {
            throw new InvalidRecordException(invalid.reason(), invalid.detail());
        }
        return previous.withPosition(((Result.Valid<GeoPoint>) checked).value(), fix.getFixedAt());
    }
}
