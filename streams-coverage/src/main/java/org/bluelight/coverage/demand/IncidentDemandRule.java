package org.bluelight.coverage.demand;

import java.util.Optional;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;

/**
 * Which incident events make demand: grade 1–2 incidents count in the road cell of their location
 * from when they were reported. A cancellation, or a regrade to 3–4, takes the incident out
 * again; a closed incident still happened and keeps counting. Every event carries the full
 * incident, so counting is idempotent per incident id.
 */
public final class IncidentDemandRule {

    public static final String NO_LOCATION = "no location";
    public static final String OFF_ROAD_NETWORK = "off the road network";
    public static final String GRADE_3_4 = "grade 3-4";

    private final RoadCells roadCells;

    public IncidentDemandRule(RoadCells roadCells) {
        this.roadCells = roadCells;
    }

    public DemandDecision decide(IncidentEvent event) {
        if (event.getIncidentId() == null || event.getIncidentId().isBlank()) {
            return new DemandDecision.Reject("incident id is blank");
        }
        int grade = event.getGrade();
        if (grade < 1 || grade > 4) {
            return new DemandDecision.Reject("grade must be 1 to 4, was " + grade);
        }
        if (event.getReportedAt() == null) {
            return new DemandDecision.Reject("reportedAt is missing");
        }
        org.bluelight.schemas.GeoPoint location = event.getLocation();
        if (location == null) {
            return new DemandDecision.Ignore(NO_LOCATION);
        }
        GeoPoint place;
        try {
            place = new GeoPoint(location.getLat(), location.getLon());
        } catch (PointNotRoutableException e) {
            return new DemandDecision.Reject(e.getMessage());
        }
        Optional<Long> cell = roadCells.cellFor(place);
        if (cell.isEmpty()) {
            return new DemandDecision.Ignore(OFF_ROAD_NETWORK);
        }
        boolean counted = grade <= 2 && event.getEventType() != IncidentEventType.CANCELLED;
        if (!counted && event.getEventType() == IncidentEventType.REPORTED) {
            // Never counted, so there is nothing to take out.
            return new DemandDecision.Ignore(GRADE_3_4);
        }
        return new DemandDecision.Apply(
                new CellIncident(cell.get(), event.getIncidentId(), event.getReportedAt(), counted));
    }
}
