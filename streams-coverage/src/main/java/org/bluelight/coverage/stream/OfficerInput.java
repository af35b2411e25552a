package org.bluelight.coverage.stream;

import org.bluelight.coverage.cell.Position;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;

/** Officer status and telematics records as officer updates, or the reason they cannot be. */
final class OfficerInput {

    static final String INVALID_POSITION = "invalid-position";
    static final String MISSING_FIELD = "missing-field";

    private OfficerInput() {
    }

    static Result<OfficerUpdate> status(OfficerStatus status) {
        if (status.getState() == null || status.getChangedAt() == null || status.getTransport() == null
                || status.getDrivingStandard() == null) {
            return Result.invalid(MISSING_FIELD, "officer status needs state, changedAt, transport and drivingStandard");
        }
        Position position = null;
        if (status.getPosition() != null) {
            Result<Position> checked = position(status.getPosition());
            if (checked instanceof Result.Invalid<Position> invalid) {
                return Result.invalid(invalid.reason(), invalid.detail());
            }
            position = ((Result.Valid<Position>) checked).value();
        }
        return Result.valid(new OfficerUpdate.StatusUpdate(status.getState(),
                new ReachProfile(status.getTransport(), status.getDrivingStandard()), position, status.getChangedAt()));
    }

    static Result<OfficerUpdate> fix(PositionFix fix) {
        if (fix.getPosition() == null || fix.getFixedAt() == null) {
            return Result.invalid(MISSING_FIELD, "position fix needs position and fixedAt");
        }
        Result<Position> checked = position(fix.getPosition());
        if (checked instanceof Result.Invalid<Position> invalid) {
            return Result.invalid(invalid.reason(), invalid.detail());
        }
        return Result.valid(new OfficerUpdate.PositionUpdate(((Result.Valid<Position>) checked).value(), fix.getFixedAt()));
    }

    private static Result<Position> position(GeoPoint point) {
        try {
            return Result.valid(new Position(point.getLat(), point.getLon()));
        } catch (IllegalArgumentException e) {
            return Result.invalid(INVALID_POSITION, e.getMessage());
        }
    }
}
