package org.bluelight.coverage.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellIncident;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.junit.jupiter.api.Test;

class IncidentDemandRuleTest {

    private static final GeoPoint ROAD = new GeoPoint(42.5078, 1.5211);
    private static final Instant REPORTED = Instant.parse("2025-03-03T10:00:00Z");

    private final CellGrid grid = new CellGrid(8);
    private final IncidentDemandRule rule = new IncidentDemandRule(RoadCells.fromRoadNodes(grid, List.of(ROAD), 2));

    @Test
    void aReportedGradeOneOrTwoIncidentCountsInItsCell() {
        assertThat(rule.decide(incident(IncidentEventType.REPORTED, 2, ROAD)))
                .isEqualTo(new DemandDecision.Apply(new CellIncident(grid.cellOf(ROAD), "inc-1", REPORTED, true)));
    }

    @Test
    void aCancellationOrARegradeToThreeTakesItOut() {
        DemandDecision.Apply cancelled = (DemandDecision.Apply) rule.decide(incident(IncidentEventType.CANCELLED, 1, ROAD));
        DemandDecision.Apply regraded = (DemandDecision.Apply) rule.decide(incident(IncidentEventType.UPDATED, 3, ROAD));
        assertThat(cancelled.change().counted()).isFalse();
        assertThat(regraded.change().counted()).isFalse();
        DemandDecision.Apply closed = (DemandDecision.Apply) rule.decide(incident(IncidentEventType.CLOSED, 1, ROAD));
        assertThat(closed.change().counted()).isTrue();
    }

    @Test
    void gradeThreeAndFourNewIncidentsAndIncidentsWithoutAPlaceMakeNoDemand() {
        assertThat(rule.decide(incident(IncidentEventType.REPORTED, 4, ROAD)))
                .isEqualTo(new DemandDecision.Ignore(IncidentDemandRule.GRADE_3_4));
        assertThat(rule.decide(incident(IncidentEventType.REPORTED, 1, null)))
                .isEqualTo(new DemandDecision.Ignore(IncidentDemandRule.NO_LOCATION));
        assertThat(rule.decide(incident(IncidentEventType.REPORTED, 1, new GeoPoint(43.5, 1.5))))
                .isEqualTo(new DemandDecision.Ignore(IncidentDemandRule.OFF_ROAD_NETWORK));
    }

    @Test
    void badIncidentsAreRejectedWithTheReason() {
        assertThat(rule.decide(incident(IncidentEventType.REPORTED, 7, ROAD)))
                .isEqualTo(new DemandDecision.Reject("grade must be 1 to 4, was 7"));
        IncidentEvent badPlace = incident(IncidentEventType.REPORTED, 1, ROAD);
        badPlace.setLocation(new org.bluelight.schemas.GeoPoint(123.0, 1.0));
        assertThat(rule.decide(badPlace)).isInstanceOf(DemandDecision.Reject.class);
    }

    private static IncidentEvent incident(IncidentEventType type, int grade, GeoPoint location) {
        return IncidentEvent.newBuilder()
                .setIncidentId("inc-1").setEventType(type).setOccurredAt(REPORTED).setReportedAt(REPORTED)
                .setGrade(grade).setCategory(IncidentCategory.ROBBERY)
                .setLocation(location == null ? null : new org.bluelight.schemas.GeoPoint(location.lat(), location.lon()))
                .build();
    }
}
