package org.bluelight.metrics.intake;

import org.bluelight.metrics.patrol.GeometryFormatException;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.TrialAllocation;

/**
 * What the metrics app refuses of its input, checked as each record is read (before any
 * repartition) so a refused record goes to its topic's dead-letter topic with one of these codes:
 * {@value #INVALID_POSITION}, {@value #UNKNOWN_GRADE}, {@value #MISSING_DISPATCH_GROUP},
 * {@value #BAD_GEOMETRY}, {@value #MISSING_ID}.
 */
public final class InputChecks {

    public static final String INVALID_POSITION = "invalid-position";
    public static final String UNKNOWN_GRADE = "unknown-grade";
    public static final String MISSING_DISPATCH_GROUP = "missing-dispatch-group";
    public static final String BAD_GEOMETRY = "bad-geometry";
    public static final String MISSING_ID = "missing-id";

    /** Grades of IncidentEvent: 1 emergency, 2 priority, 3 and 4 resolved by phone or appointment. */
    static final int LOWEST_GRADE = 1;
    static final int HIGHEST_GRADE = 4;

    private InputChecks() {
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
