package org.bluelight.coverage.stream;

import java.time.Instant;
import java.util.function.Supplier;
import org.bluelight.coverage.reach.OfficerUpdate;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;

/**
 * Officer status and telematics records as officer updates, or the reason they cannot be: beyond
 * the {@link InputLimits} (an id that could not be a key of state, a time far from the record's
 * timestamp), or missing or impossible values.
 */
final class OfficerInput {

    static final String INVALID_POSITION = "invalid-position";
    static final String MISSING_FIELD = "missing-field";
    static final String KEY_MISMATCH = "key-mismatch";

    private final InputLimits limits;

    OfficerInput(InputLimits limits) {
        this.limits = limits;
    }

    Result<OfficerUpdate> status(String key, OfficerStatus status, Instant recordTime) {
        return limits.at(recordTime).key(key).id("officer id", status.getOfficerId())
                .recent("changed at", status.getChangedAt())
                .then("status of " + status.getOfficerId(), () -> sameOfficer(key, status.getOfficerId(), () -> status(status)));
    }

    Result<OfficerUpdate> fix(String key, PositionFix fix, Instant recordTime) {
        return limits.at(recordTime).key(key).id("officer id", fix.getOfficerId())
                .recent("fixed at", fix.getFixedAt())
                .then("position fix of " + fix.getOfficerId(), () -> sameOfficer(key, fix.getOfficerId(), () -> fix(fix)));
    }

    private static Result<OfficerUpdate> sameOfficer(String key, String officerId, Supplier<Result<OfficerUpdate>> otherwise) {
        return key.equals(officerId) ? otherwise.get()
                : Result.invalid(KEY_MISMATCH, "key " + key + " but a record of officer " + officerId);
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
