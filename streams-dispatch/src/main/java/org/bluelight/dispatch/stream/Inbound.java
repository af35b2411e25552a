package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;

/**
 * Checks contract records against the rules and the {@link InputLimits} (ids, team sizes, times
 * near the record's timestamp) and turns them into the dispatch rules' own values; bad ones get a
 * reason code. An incident's implausible service estimate is dropped (the default applies) and
 * counted in {@value #CORRECTED}, rather than leaving an emergency without a recommendation.
 */
final class Inbound {

    static final String CORRECTED = "bluelight.dispatch.input.corrected";
    static final String KEY_MISMATCH = "key-mismatch";
    static final String INVALID_COVERAGE_IMPACT = "invalid-coverage-impact";
    /** More incidents an hour than any officer's sole-cover cells could see: the coverage app never says so. */
    static final double MAX_DEMAND_PER_HOUR = 1_000;

    private final DispatchRules rules;
    private final InputLimits limits;
    private final Counter serviceTimeDropped;

    Inbound(DispatchRules rules, InputLimits limits, MeterRegistry meters) {
        this.rules = rules;
        this.limits = limits;
        this.serviceTimeDropped = Counter.builder(CORRECTED)
                .description("Input values outside their plausible range, dropped for the default")
                .tag("field", "expected-service-minutes")
                .register(meters);
    }

    Result<Officer> officer(String key, OfficerStatus status, Instant recordTime) {
        if (status == null) {
            return tombstone("an officer's status");
        }
        String officerId = status.getOfficerId();
        return limits.at(recordTime).key(key).id("officer id", officerId).id("call sign", status.getCallSign())
                .id("dispatch group", status.getDispatchGroup()).id("home station", status.getHomeStation())
                .id("home area", status.getHomeArea()).id("incident id", status.getIncidentId())
                .recent("changed at", status.getChangedAt()).recent("shift start", status.getShiftStart())
                .recent("shift end", status.getShiftEnd()).recent("predicted free at", status.getPredictedFreeAt())
                .then("status of " + officerId, () -> officer(key, status));
    }

    private Result<Officer> officer(String key, OfficerStatus status) {
        if (!key.equals(status.getOfficerId())) {
            return Result.invalid(KEY_MISMATCH, "key " + key + " but status of " + status.getOfficerId());
        }
        if (status.getDispatchGroup() == null || status.getDispatchGroup().isBlank()) {
            return Result.invalid("missing-dispatch-group", "status of " + status.getOfficerId() + " names no dispatch group");
        }
        if (status.getCrewSize() < 1 || status.getCrewSize() > limits.maxTeamSize()) {
            return Result.invalid("invalid-crew-size", "crew size " + status.getCrewSize() + " for " + status.getOfficerId()
                    + "; 1 to " + limits.maxTeamSize());
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

    Result<PositionUpdate> fix(String key, PositionFix fix, Instant recordTime) {
        if (fix == null) {
            return tombstone("a position fix");
        }
        return limits.at(recordTime).key(key).id("officer id", fix.getOfficerId()).recent("fixed at", fix.getFixedAt())
                .then("position fix of " + fix.getOfficerId(), () -> {
                    if (!key.equals(fix.getOfficerId())) {
                        return Result.invalid(KEY_MISMATCH, "key " + key + " but position fix of " + fix.getOfficerId());
                    }
                    Result<GeoPoint> checked = location(fix.getPosition(), "position fix of " + key);
                    if (checked instanceof Result.Invalid<GeoPoint> invalid) {
                        return Result.invalid(invalid.reason(), invalid.detail());
                    }
                    return Result.valid(new PositionUpdate(((Result.Valid<GeoPoint>) checked).value(), fix.getFixedAt()));
                });
    }

    /** A coverage impact, or empty for a tombstone (the officer's impact is cleared). */
    Result<Optional<CoverageImpact>> coverage(String key, OfficerCoverageImpact impact, Instant recordTime) {
        if (impact == null) {
            return limits.at(recordTime).key(key).then("coverage tombstone", () -> Result.valid(Optional.empty()));
        }
        return limits.at(recordTime).key(key).id("officer id", impact.getOfficerId()).recent("updated at", impact.getUpdatedAt())
                .then("coverage impact of " + impact.getOfficerId(), () -> {
                    if (!key.equals(impact.getOfficerId())) {
                        return Result.invalid(KEY_MISMATCH, "key " + key + " but coverage impact of " + impact.getOfficerId());
                    }
                    double demand = impact.getSoleCoverDemandPerHour();
                    if (impact.getSoleCoverCells() < 0 || !(demand >= 0 && demand <= MAX_DEMAND_PER_HOUR)) {
                        return Result.invalid(INVALID_COVERAGE_IMPACT, "coverage impact of " + key + ": "
                                + impact.getSoleCoverCells() + " sole-cover cells, " + demand
                                + " incidents an hour; 0 or more cells and 0 to " + MAX_DEMAND_PER_HOUR + " an hour");
                    }
                    return Result.valid(Optional.of(new CoverageImpact(impact.getSoleCoverCells(), demand)));
                });
    }

    Result<Incident> incident(String key, IncidentEvent event, Instant recordTime) {
        if (event == null) {
            return tombstone("an incident event (an incident ends with a closed or cancelled event)");
        }
        return limits.at(recordTime).key(key).id("incident id", event.getIncidentId())
                .id("dispatch group", event.getDispatchGroup()).id("neighbourhood area", event.getNeighbourhoodArea())
                .past("occurred at", event.getOccurredAt()).past("reported at", event.getReportedAt())
                .then("incident " + event.getIncidentId(), () -> incident(key, event));
    }

    private Result<Incident> incident(String key, IncidentEvent event) {
        if (!key.equals(event.getIncidentId())) {
            return Result.invalid(KEY_MISMATCH, "key " + key + " but incident " + event.getIncidentId());
        }
        if (!rules.knowsGrade(event.getGrade())) {
            return Result.invalid("unknown-grade", "incident " + event.getIncidentId() + " has grade " + event.getGrade()
                    + "; known grades are " + rules.targets().keySet());
        }
        if (event.getDispatchGroup() == null || event.getDispatchGroup().isBlank()) {
            return Result.invalid("missing-dispatch-group", "incident " + event.getIncidentId() + " names no dispatch group");
        }
        if (event.getOfficersRequired() < 1 || event.getOfficersRequired() > limits.maxTeamSize()) {
            return Result.invalid("invalid-officers-required", "incident " + event.getIncidentId() + " needs "
                    + event.getOfficersRequired() + " officers; 1 to " + limits.maxTeamSize());
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
                event.getDoubleCrewRequired(), serviceMinutes(event.getExpectedServiceMinutes())));
    }

    /** CAD's estimate when plausible (0 up to the longest duration); else none, so the default applies. */
    private Integer serviceMinutes(Integer estimate) {
        if (estimate == null || limits.plausible(Duration.ofMinutes(estimate))) {
            return estimate;
        }
        serviceTimeDropped.increment();
        return null;
    }

    Result<GroupEvent.AssignmentMade> assignment(String key, Assignment assignment, Instant recordTime) {
        if (assignment == null) {
            return tombstone("an assignment (standing officers down is an assignment too)");
        }
        return limits.at(recordTime).key(key).id("incident id", assignment.getIncidentId())
                .team("officer ids", assignment.getOfficerIds()).recent("decided at", assignment.getDecidedAt())
                .then("assignment to incident " + assignment.getIncidentId(), () -> key.equals(assignment.getIncidentId())
                        ? Result.valid(new GroupEvent.AssignmentMade(key, assignment.getAction(), List.copyOf(assignment.getOfficerIds())))
                        : Result.invalid(KEY_MISMATCH, "key " + key + " but assignment to incident " + assignment.getIncidentId()));
    }

    /** A record with no value on a topic of events, which are never deleted. */
    private static <T> Result<T> tombstone(String expected) {
        return Result.invalid(RecordCheck.TOMBSTONE, "no value (a tombstone) where " + expected + " was expected");
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

    /** A position and when it was measured. */
    record PositionUpdate(GeoPoint position, Instant at) {
    }
}
