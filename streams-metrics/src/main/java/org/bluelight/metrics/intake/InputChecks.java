package org.bluelight.metrics.intake;

import java.time.Instant;
import java.util.Locale;
import org.bluelight.metrics.patrol.AreaShape;
import org.bluelight.metrics.patrol.GeometryFormatException;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.TrialAllocation;

/**
 * What the metrics app refuses of its input, checked as each record is read (before any
 * repartition) so a refused record goes to its topic's dead-letter topic with one of these codes:
 * {@value #INVALID_POSITION}, {@value #UNKNOWN_GRADE}, {@value #MISSING_DISPATCH_GROUP},
 * {@value #BAD_GEOMETRY}, {@value #MISSING_ID}, {@value #COMMITTED_AFTER_RECORDED}, {@value #TIME_OUT_OF_WINDOW},
 * {@value #INVALID_ID}, {@value #TEAM_TOO_LARGE}, {@value #AREA_TOO_LARGE}.
 *
 * <p>The static checks look at a record's structure alone; the instance checks, which the
 * topology uses, add the runtime's {@link InputLimits} and the {@link PatrolAreaLimits}: every time
 * the app reads must lie near the record's timestamp, ids are short and printable, teams and patrol
 * areas are bounded. So no one record can make the app work without bound (walking the hours from
 * year 1 to 9999, indexing a patrol area the size of the world) or put a key its state stores cannot hold.
 */
public final class InputChecks {

    public static final String INVALID_POSITION = "invalid-position";
    public static final String UNKNOWN_GRADE = "unknown-grade";
    public static final String MISSING_DISPATCH_GROUP = "missing-dispatch-group";
    public static final String BAD_GEOMETRY = "bad-geometry";
    public static final String MISSING_ID = "missing-id";
    public static final String COMMITTED_AFTER_RECORDED = "committed-after-recorded";
    public static final String TIME_OUT_OF_WINDOW = InputLimits.TIME_OUT_OF_WINDOW;
    public static final String INVALID_ID = InputLimits.INVALID_ID;
    public static final String TEAM_TOO_LARGE = InputLimits.TEAM_TOO_LARGE;
    public static final String AREA_TOO_LARGE = "area-too-large";

    /** Grades of IncidentEvent: 1 emergency, 2 priority, 3 and 4 resolved by phone or appointment. */
    static final int LOWEST_GRADE = 1;
    static final int HIGHEST_GRADE = 4;

    /** Kilometres per degree of latitude (and of longitude at the equator). */
    private static final double KM_PER_DEGREE = 111.32;
    /** A hot spot states no times, so its id check is judged against no particular record time. */
    private static final Instant UNTIMED = Instant.EPOCH;

    private final InputLimits limits;
    private final PatrolAreaLimits areaLimits;

    public InputChecks(InputLimits limits, PatrolAreaLimits areaLimits) {
        this.limits = limits;
        this.areaLimits = areaLimits;
    }

    public Result<IncidentEvent> incident(IncidentEvent incident, Instant recordTime) {
        InputLimits.Check check = limits.at(recordTime)
                .id("incident id", incident.getIncidentId())
                .id("dispatch group", incident.getDispatchGroup())
                .id("originator person id", incident.getOriginatorPersonId());
        incident.getSubjectPersonIds().forEach(person -> check.id("subject person id", person));
        return check.id("neighbourhood area", incident.getNeighbourhoodArea())
                .past("occurred at", incident.getOccurredAt())
                .past("reported at", incident.getReportedAt())
                .then("incident " + incident.getIncidentId(), () -> incident(incident));
    }

    public Result<OfficerStatus> status(OfficerStatus status, Instant recordTime) {
        return limits.at(recordTime)
                .id("officer id", status.getOfficerId())
                .id("dispatch group", status.getDispatchGroup())
                .id("incident id", status.getIncidentId())
                .id("released-from incident id", status.getReleasedFromIncidentId())
                .recent("changed at", status.getChangedAt())
                .then("status of officer " + status.getOfficerId(), () -> status(status));
    }

    public Result<PositionFix> fix(PositionFix fix, Instant recordTime) {
        return limits.at(recordTime)
                .id("officer id", fix.getOfficerId())
                .recent("fixed at", fix.getFixedAt())
                .then("fix of officer " + fix.getOfficerId(), () -> fix(fix));
    }

    /** An assignment names an incident and at most {@link InputLimits#maxTeamSize} officers. */
    public Result<Assignment> assignment(Assignment assignment, Instant recordTime) {
        if (assignment.getIncidentId().isBlank()) {
            return Result.invalid(MISSING_ID, "assignment without an incident id");
        }
        return limits.at(recordTime)
                .id("incident id", assignment.getIncidentId())
                .team("officer ids", assignment.getOfficerIds())
                .recent("decided at", assignment.getDecidedAt())
                .then("assignment to incident " + assignment.getIncidentId(), () -> Result.valid(assignment));
    }

    /** Also refuses a crime committed after it was recorded. */
    public Result<CrimeRecord> crime(CrimeRecord crime, Instant recordTime) {
        InputLimits.Check check = limits.at(recordTime)
                .id("crime id", crime.getCrimeId())
                .id("incident id", crime.getIncidentId())
                .people("people on crime " + crime.getCrimeId(), crime.getPeople().size());
        if (crime.getPeople().size() <= limits.maxPeople()) {
            for (CrimePerson person : crime.getPeople()) {
                check.id("person id", person.getPersonId()).id("home area", person.getHomeArea());
            }
        }
        return check.past("committed at", crime.getCommittedAt())
                .recent("recorded at", crime.getRecordedAt())
                .past("created at", crime.getCreatedAt())
                .then("crime " + crime.getCrimeId(), () -> {
                    if (crime.getCommittedAt().isAfter(crime.getRecordedAt())) {
                        return Result.invalid(COMMITTED_AFTER_RECORDED, "crime " + crime.getCrimeId() + " committed at "
                                + crime.getCommittedAt() + ", after it was recorded at " + crime.getRecordedAt());
                    }
                    return crime(crime);
                });
    }

    public Result<CustodyRecord> custody(CustodyRecord custody, Instant recordTime) {
        return limits.at(recordTime)
                .id("custody id", custody.getCustodyId())
                .id("person id", custody.getPersonId())
                .id("home area", custody.getHomeArea())
                .past("arrived at", custody.getArrivedAt())
                .recent("released at", custody.getReleasedAt())
                .then("custody " + custody.getCustodyId(), () -> custody(custody));
    }

    /**
     * An allocation's trial day may be published up to {@link InputLimits#maxHistory} ahead (or be of a past trial,
     * loaded for its analysis): each day is a hot-spot-day the app keeps, so year 9999 is refused.
     */
    public Result<TrialAllocation> allocation(TrialAllocation allocation, Instant recordTime) {
        return limits.at(recordTime)
                .id("hot spot id", allocation.getHotSpotId())
                .scheduled("trial day", allocation.getTrialDay())
                .then("allocation", () -> allocation(allocation));
    }

    /**
     * A hot spot with usable polygons whose patrol areas are each within
     * {@link PatrolAreaLimits#maxSideKm} a side and {@link PatrolAreaLimits#maxVertices} vertices.
     */
    public Result<HotSpot> hotSpotWithinLimits(HotSpot hotSpot) {
        InputLimits.Check check = limits.at(UNTIMED).id("hot spot id", hotSpot.getHotSpotId());
        hotSpot.getPatrolAreas().forEach(area -> check.id("patrol area id", area.getPatrolAreaId()));
        return check.then("hot spot", () -> areasWithinLimits(hotSpot));
    }

    private Result<HotSpot> areasWithinLimits(HotSpot hotSpot) {
        if (hotSpot.getHotSpotId().isBlank()) {
            return Result.invalid(MISSING_ID, "hot spot without an id");
        }
        for (PatrolArea area : hotSpot.getPatrolAreas()) {
            AreaShape shape;
            try {
                shape = AreaShape.fromGeoJson(area.getGeometryGeoJson());
            } catch (GeometryFormatException e) {
                return Result.invalid(BAD_GEOMETRY, "hot spot " + hotSpot.getHotSpotId() + ", patrol area "
                        + area.getPatrolAreaId() + ": " + e.getMessage());
            }
            double northSouthKm = (shape.maxLat() - shape.minLat()) * KM_PER_DEGREE;
            double eastWestKm = (shape.maxLon() - shape.minLon()) * KM_PER_DEGREE
                    * Math.cos(Math.toRadians(latitudeNearestTheEquator(shape)));
            if (shape.vertexCount() > areaLimits.maxVertices() || Math.max(northSouthKm, eastWestKm) > areaLimits.maxSideKm()) {
                return Result.invalid(AREA_TOO_LARGE, String.format(Locale.ROOT,
                        "hot spot %s, patrol area %s: %d vertices over %.1f km by %.1f km; at most %d vertices within %.1f km a side",
                        hotSpot.getHotSpotId(), area.getPatrolAreaId(), shape.vertexCount(), northSouthKm, eastWestKm,
                        areaLimits.maxVertices(), areaLimits.maxSideKm()));
            }
        }
        return hotSpot(hotSpot);
    }

    /** Where a degree of longitude is longest within the shape's bounding box. */
    private static double latitudeNearestTheEquator(AreaShape shape) {
        if (shape.minLat() <= 0 && shape.maxLat() >= 0) {
            return 0;
        }
        return Math.min(Math.abs(shape.minLat()), Math.abs(shape.maxLat()));
    }

    public static Result<IncidentEvent> incident(IncidentEvent incident) {
        if (incident.getIncidentId().isBlank()) {
            return Result.invalid(MISSING_ID, "incident without an incident id");
        }
        if (incident.getGrade() < LOWEST_GRADE || incident.getGrade() > HIGHEST_GRADE) {
            return Result.invalid(UNKNOWN_GRADE, "incident " + incident.getIncidentId() + " has grade "
                    + incident.getGrade() + ", not " + LOWEST_GRADE + ".." + HIGHEST_GRADE);
        }
        if (incident.getLocation() != null && !onEarth(incident.getLocation())) {
            return Result.invalid(INVALID_POSITION, "incident " + incident.getIncidentId() + " at " + text(incident.getLocation()));
        }
        return Result.valid(incident);
    }

    public static Result<CrimeRecord> crime(CrimeRecord crime) {
        if (crime.getCrimeId().isBlank()) {
            return Result.invalid(MISSING_ID, "crime record without a crime id");
        }
        if (crime.getLocation() != null && !onEarth(crime.getLocation())) {
            return Result.invalid(INVALID_POSITION, "crime " + crime.getCrimeId() + " at " + text(crime.getLocation()));
        }
        return Result.valid(crime);
    }

    public static Result<CustodyRecord> custody(CustodyRecord custody) {
        if (custody.getCustodyId().isBlank() || custody.getPersonId().isBlank()) {
            return Result.invalid(MISSING_ID, "custody record without a custody id or person id");
        }
        // A release before arrival is a data-entry error the method repairs, not refuses: it counts
        // as a custody with 0 hours (CustodyHours floors it).
        return Result.valid(custody);
    }

    public static Result<OfficerStatus> status(OfficerStatus status) {
        if (status.getOfficerId().isBlank()) {
            return Result.invalid(MISSING_ID, "status without an officer id");
        }
        if (status.getDispatchGroup().isBlank()) {
            return Result.invalid(MISSING_DISPATCH_GROUP, "officer " + status.getOfficerId() + " has no dispatch group");
        }
        if (status.getPosition() != null && !onEarth(status.getPosition())) {
            return Result.invalid(INVALID_POSITION, "officer " + status.getOfficerId() + " at " + text(status.getPosition()));
        }
        return Result.valid(status);
    }

    public static Result<PositionFix> fix(PositionFix fix) {
        if (fix.getOfficerId().isBlank()) {
            return Result.invalid(MISSING_ID, "position fix without an officer id");
        }
        if (!onEarth(fix.getPosition())) {
            return Result.invalid(INVALID_POSITION, "officer " + fix.getOfficerId() + " at " + text(fix.getPosition()));
        }
        return Result.valid(fix);
    }

    public static Result<TrialAllocation> allocation(TrialAllocation allocation) {
        if (allocation.getHotSpotId().isBlank()) {
            return Result.invalid(MISSING_ID, "allocation for " + allocation.getTrialDay() + " without a hot spot id");
        }
        return Result.valid(allocation);
    }

    /** A hot spot whose patrol areas all parse as GeoJSON polygons. */
    public static Result<HotSpot> hotSpot(HotSpot hotSpot) {
        if (hotSpot.getHotSpotId().isBlank()) {
            return Result.invalid(MISSING_ID, "hot spot without an id");
        }
        try {
            PatrolAreaIndex.of(java.util.List.of(hotSpot));
        } catch (GeometryFormatException e) {
            return Result.invalid(BAD_GEOMETRY, "hot spot " + hotSpot.getHotSpotId() + ": " + e.getMessage());
        }
        return Result.valid(hotSpot);
    }

    static boolean onEarth(GeoPoint point) {
        double lat = point.getLat();
        double lon = point.getLon();
        return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    }

    private static String text(GeoPoint point) {
        return "(" + point.getLat() + ", " + point.getLon() + ")";
    }
}
