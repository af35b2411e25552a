package org.bluelight.coverage.stream;

import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.runtime.deadletter.Result;
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
        GeoPoint position = null;
        if (status.getPosition() != null) {
            Result<GeoPoint> checked = position(status.getPosition());
            if (checked instanceof Result.Invalid<GeoPoint> invalid) {
                return Result.invalid(invalid.reason(), invalid.detail());
            }
            position = ((Result.Valid<GeoPoint>) checked).value();
        }
        return Result.valid(new OfficerUpdate.StatusUpdate(status.getState(),
                new ReachProfile(status.getTransport(), status.getDrivingStandard()), position, status.getChangedAt()));
    }

    static Result<OfficerUpdate> fix(PositionFix fix) {
        if (fix.getPosition() == null || fix.getFixedAt() == null) {
            return Result.invalid(MISSING_FIELD, "position fix needs position and fixedAt");
        }
        Result<GeoPoint> checked = position(fix.getPosition());
        if (checked instanceof Result.Invalid<GeoPoint> invalid) {
            return Result.invalid(invalid.reason(), invalid.detail());
        }
        return Result.valid(new OfficerUpdate.PositionUpdate(((Result.Valid<GeoPoint>) checked).value(), fix.getFixedAt()));
    }

    private static Result<GeoPoint> position(org.bluelight.schemas.GeoPoint point) {
        try {
            return Result.valid(new GeoPoint(point.getLat(), point.getLon()));
        } catch (PointNotRoutableException e) {
            return Result.invalid(INVALID_POSITION, e.getMessage());
        }
    }
}
