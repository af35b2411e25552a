package org.bluelight.simulator.live;

import java.time.Instant;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Unit;

/** The Avro records the simulator publishes, built from its own values. */
final class Records {

    /** Who the simulated dispatcher is in CAD's assignments. */
    static final String DISPATCHER = "SIM-DISPATCHER";

    private Records() {
    }

    static IncidentEvent incident(GeneratedIncident i, IncidentEventType type, Instant at) {
        return IncidentEvent.newBuilder()
                .setIncidentId(i.id()).setEventType(type).setOccurredAt(at).setReportedAt(i.reportedAt())
                .setGrade(i.grade()).setCategory(i.category()).setRecordedCrime(i.recordedCrime())
                .setMostSeriousViolence(i.mostSeriousViolence()).setKnifeEnabled(i.knifeEnabled())
                .setPoliceInitiated(i.policeInitiated()).setLocation(point(i.location()))
                .setNeighbourhoodArea(i.area()).setDispatchGroup(i.dispatchGroup())
                .setOfficersRequired(i.officersRequired()).setDoubleCrewRequired(i.arrest())
                .setExpectedServiceMinutes(null).setOriginatorPersonId(i.originatorPersonId())
                .setSubjectPersonIds(i.subjectPersonIds()).setThemes(i.themes()).setPreplannedOperation(false)
                .build();
    }

    static OfficerStatus status(Unit unit, OfficerState state, Instant at, CrewShift shift, Instant predictedFreeAt,
                                String incidentId, GeoPoint position) {
        return OfficerStatus.newBuilder()
                .setOfficerId(unit.id()).setCallSign(unit.callSign()).setState(state).setChangedAt(at)
                .setCrewSize(unit.crewSize()).setDrivingStandard(unit.drivingStandard()).setTransport(unit.transport())
                .setHomeStation(unit.station()).setHomeArea(unit.homeArea()).setDispatchGroup(unit.dispatchGroup())
                .setShiftStart(shift == null ? null : shift.start()).setShiftEnd(shift == null ? null : shift.end())
                .setPredictedFreeAt(predictedFreeAt).setIncidentId(incidentId)
                .setPosition(position == null ? null : point(position))
                .build();
    }

    static PositionFix fix(String officerId, GeoPoint at, Instant when) {
        return PositionFix.newBuilder().setOfficerId(officerId).setFixedAt(when).setPosition(point(at))
                .setSpeedMps(null).setHeadingDegrees(null).setAccuracyMeters(null).build();
    }

    private static org.bluelight.schemas.GeoPoint point(GeoPoint location) {
        return org.bluelight.schemas.GeoPoint.newBuilder().setLat(location.lat()).setLon(location.lon()).build();
    }
}
