package org.bluelight.dispatch.stream;

import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerStatus;

/** Checks contract records and turns them into the dispatch rules' own values; bad ones get a reason code. */
final class Inbound {

    private final DispatchRules rules;

    Inbound(DispatchRules rules) {
        this.rules = rules;
    }

    Result<Officer> officer(OfficerStatus status) {
        if (status.getDispatchGroup() == null || status.getDispatchGroup().isBlank()) {
            return Result.invalid("missing-dispatch-group", "status of " + status.getOfficerId() + " names no dispatch group");
        }
        if (status.getCrewSize() < 1) {
            return Result.invalid("invalid-crew-size", "crew size " + status.getCrewSize() + " for " + status.getOfficerId());
        }
        GeoPoint position = null;
        if (status.getPosition() != null) {
            Result<GeoPoint> checked = location(status.getPosition(), "status of " + status.getOfficerId());
            if (checked instanceof Result.Invalid<GeoPoint> invalid) {
                return Result.invalid(invalid.reason(), invalid.detail());
            }
            position = ((Result.Valid<GeoPoint>) checked).value();
        }
        return Result.valid(new Officer(status.getOfficerId(), status.getCallSign(), status.getState(), status.getChangedAt(),
                status.getCrewSize(), status.getDrivingStandard(), status.getTransport(), status.getHomeStation(),
                status.getHomeArea(), status.getDispatchGroup(), status.getShiftEnd(), status.getPredictedFreeAt(),
                status.getIncidentId(), position, position == null ? null : status.getChangedAt(), null));
    }

    Result<Incident> incident(IncidentEvent event) {
        if (!rules.knowsGrade(event.getGrade())) {
            return Result.invalid("unknown-grade", "incident " + event.getIncidentId() + " has grade " + event.getGrade()
                    + "; known grades are " + rules.targets().keySet());
        }
        if (event.getDispatchGroup() == null || event.getDispatchGroup().isBlank()) {
            return Result.invalid("missing-dispatch-group", "incident " + event.getIncidentId() + " names no dispatch group");
        }
        if (event.getOfficersRequired() < 1) {
            return Result.invalid("invalid-officers-required", "incident " + event.getIncidentId() + " needs "
                    + event.getOfficersRequired() + " officers");
        }
        GeoPoint location = null;
        if (event.getLocation() != null) {
            Result<GeoPoint> checked = location(event.getLocation(), "incident " + event.getIncidentId());
            if (checked instanceof Result.Invalid<GeoPoint> invalid) {
                return Result.invalid(invalid.reason(), invalid.detail());
            }
            location = ((Result.Valid<GeoPoint>) checked).value();
        }
        return Result.valid(new Incident(event.getIncidentId(), event.getGrade(), event.getReportedAt(), location,
                event.getNeighbourhoodArea(), event.getDispatchGroup(), event.getOfficersRequired(),
                event.getDoubleCrewRequired(), event.getExpectedServiceMinutes()));
    }

    Result<GeoPoint> location(org.bluelight.schemas.GeoPoint point, String what) {
        GeoPoint location;
        try {
            location = new GeoPoint(point.getLat(), point.getLon());
        } catch (PointNotRoutableException e) {
            return Result.invalid("invalid-position", what + ": " + e.getMessage());
        }
        MapBounds bounds = rules.mapBounds();
        if (!bounds.contains(location)) {
            return Result.invalid("position-outside-map", what + ": " + location.lat() + "," + location.lon()
                    + " is outside the map " + bounds);
        }
        return Result.valid(location);
    }

    static CoverageImpact coverage(OfficerCoverageImpact impact) {
        return new CoverageImpact(impact.getSoleCoverCells(), impact.getSoleCoverDemandPerHour());
    }
}
