package org.bluelight.metrics.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PositionFix;
import org.junit.jupiter.api.Test;

class InputChecksTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    static IncidentEvent incident(int grade, GeoPoint location) {
        return IncidentEvent.newBuilder().setIncidentId("I1").setEventType(IncidentEventType.REPORTED).setOccurredAt(T)
                .setReportedAt(T).setGrade(grade).setCategory(IncidentCategory.THEFT).setLocation(location).build();
    }

    private static String reason(Result<?> result) {
        return result instanceof Result.Invalid<?> invalid ? invalid.reason() : "valid";
    }

    @Test
    void incidentsNeedAKnownGradeAndAPositionOnEarth() {
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(51.75, -1.25))))).isEqualTo("valid");
        assertThat(reason(InputChecks.incident(incident(4, null)))).isEqualTo("valid");
        assertThat(reason(InputChecks.incident(incident(0, null)))).isEqualTo(InputChecks.UNKNOWN_GRADE);
        assertThat(reason(InputChecks.incident(incident(5, null)))).isEqualTo(InputChecks.UNKNOWN_GRADE);
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(91.0, 0.0))))).isEqualTo(InputChecks.INVALID_POSITION);
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(51.0, Double.NaN))))).isEqualTo(InputChecks.INVALID_POSITION);
    }

    @Test
    void fixesAndStatusesNeedAPositionOnEarthAndStatusesADispatchGroup() {
        assertThat(reason(InputChecks.fix(new PositionFix("O1", T, new GeoPoint(51.0, -181.0), null, null, null))))
                .isEqualTo(InputChecks.INVALID_POSITION);
        assertThat(reason(InputChecks.fix(new PositionFix("O1", T, new GeoPoint(51.0, -1.0), null, null, null)))).isEqualTo("valid");
        OfficerStatus.Builder status = OfficerStatus.newBuilder().setOfficerId("O1").setCallSign("LR1")
                .setState(OfficerState.AVAILABLE).setChangedAt(T).setDispatchGroup("RAD1");
        assertThat(reason(InputChecks.status(status.build()))).isEqualTo("valid");
        assertThat(reason(InputChecks.status(status.setDispatchGroup(" ").build()))).isEqualTo(InputChecks.MISSING_DISPATCH_GROUP);
        assertThat(reason(InputChecks.status(status.setDispatchGroup("RAD1").setPosition(new GeoPoint(-95.0, 0.0)).build())))
                .isEqualTo(InputChecks.INVALID_POSITION);
    }

    @Test
    void hotSpotsNeedPolygonGeometry() {
        HotSpot.Builder hotSpot = HotSpot.newBuilder().setHotSpotId("HS1").setName("x").setTrialId("T");
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.26,51.75],[-1.25,51.75],[-1.25,51.76],[-1.26,51.75]]]}";
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", square))).build()))).isEqualTo("valid");
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", "{\"type\":\"Point\"}"))).build())))
                .isEqualTo(InputChecks.BAD_GEOMETRY);
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", "not json"))).build())))
                .isEqualTo(InputChecks.BAD_GEOMETRY);
    }

    @Test
    void custodyReleasedBeforeArrivalIsKeptForTheMethodToCountAsZeroHours() {
        assertThat(reason(InputChecks.custody(new CustodyRecord("C1", "P1", T, T.minusSeconds(1), false)))).isEqualTo("valid");
        assertThat(reason(InputChecks.custody(new CustodyRecord("C1", "P1", T, T.plusSeconds(1), false)))).isEqualTo("valid");
    }
}
