package org.bluelight.dispatch.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Transport;

/**
 * What dispatch knows about one unit (call sign): its attributes and status from the last status
 * message, its last known position from telematics, and its coverage impact when published.
 *
 * @param predictedFreeAt when a break or prisoner processing is expected to end; null otherwise
 * @param incidentId the incident the unit is en route to or on scene at
 * @param position last known position, null when never reported
 * @param positionAt when that position was measured
 * @param coverage coverage impact of moving the unit, null until the coverage app publishes it
 */
public record Officer(
        String id,
        String callSign,
        OfficerState state,
        Instant statusChangedAt,
        int crewSize,
        DrivingStandard drivingStandard,
        Transport transport,
        String homeStation,
        String homeArea,
        String dispatchGroup,
        Instant shiftEnd,
        Instant predictedFreeAt,
        String incidentId,
        GeoPoint position,
        Instant positionAt,
        CoverageImpact coverage) {

    public Officer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dispatchGroup, "dispatchGroup");
        Objects.requireNonNull(drivingStandard, "drivingStandard");
        Objects.requireNonNull(transport, "transport");
        if (crewSize < 1) {
            throw new IllegalArgumentException("crew size must be at least 1, was " + crewSize);
        }
        if ((position == null) != (positionAt == null)) {
            throw new IllegalArgumentException("a position needs the time it was measured");
        }
    }

    public boolean isAvailable() {
        return state == OfficerState.AVAILABLE;
    }

    /** True when the status has a predictable end (break, prisoner processing) that is known. */
    public boolean hasPredictableEnd() {
        return (state == OfficerState.ON_BREAK || state == OfficerState.PRISONER_PROCESSING) && predictedFreeAt != null;
    }

    public boolean isDoubleCrewed() {
        return crewSize >= 2;
    }

    public Optional<Duration> positionAge(Instant now) {
        if (positionAt == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(positionAt, now);
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }

    /** A position older than the limit is not trusted blindly; a missing one counts as stale. */
    public boolean positionStale(Instant now, Duration staleAfter) {
        return positionAge(now).map(age -> age.compareTo(staleAfter) > 0).orElse(true);
    }

    /** The same unit at a newer position; an older fix than the one held changes nothing. */
    public Officer withPosition(GeoPoint newPosition, Instant measuredAt) {
        if (positionAt != null && measuredAt.isBefore(positionAt)) {
            return this;
        }
        return new Officer(id, callSign, state, statusChangedAt, crewSize, drivingStandard, transport, homeStation,
                homeArea, dispatchGroup, shiftEnd, predictedFreeAt, incidentId, newPosition, measuredAt, coverage);
    }

    /** The new status attributes, keeping the position (unless the status carries a newer one) and coverage. */
    public Officer withStatusFrom(Officer status) {
        Officer merged = new Officer(id, status.callSign, status.state, status.statusChangedAt, status.crewSize,
                status.drivingStandard, status.transport, status.homeStation, status.homeArea, status.dispatchGroup,
                status.shiftEnd, status.predictedFreeAt, status.incidentId, position, positionAt, coverage);
        return status.position == null ? merged : merged.withPosition(status.position, status.positionAt);
    }

    public Officer withCoverage(CoverageImpact impact) {
        return new Officer(id, callSign, state, statusChangedAt, crewSize, drivingStandard, transport, homeStation,
                homeArea, dispatchGroup, shiftEnd, predictedFreeAt, incidentId, position, positionAt, impact);
    }

    public String label() {
        return callSign == null || callSign.isBlank() ? id : callSign;
    }
}
