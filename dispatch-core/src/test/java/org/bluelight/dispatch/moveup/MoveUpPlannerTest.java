package org.bluelight.dispatch.moveup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class MoveUpPlannerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T20:00:00Z");
    private static final GeoPoint TOWN = new GeoPoint(52.50, -1.50);
    // 14 km east: beyond a 10 km response reach from the town, a 21-minute move.
    private static final GeoPoint VILLAGE = TOWN.offset(14_000, 90);

    private final MoveUpPlanner planner = new MoveUpPlanner(MoveUpSettings.defaults());

    private static Officer free(String id, GeoPoint where) {
        return unit(id).homeArea("TOWN").at(where, NOW).shiftEnd(NOW.plusSeconds(6 * 3600)).build();
    }

    private static Officer busy(String id, GeoPoint where) {
        return unit(id).on(OfficerState.ON_SCENE, "I-" + id).at(where, NOW).build();
    }

    private static List<DemandCell> townAndVillage() {
        return List.of(new DemandCell("town", TOWN, 2.0, 1, "TOWN"), new DemandCell("village", VILLAGE, 1.0, 1, "TOWN"));
    }

    @Test
    void aCellWithDemandAndNobodyInReachGetsTheSpareOfficerWithItsReasons() {
        // Busy fraction 1/3: the town loses 2 (1/3 − 1/9) = 0.44/h, the village gains 1 (1 − 1/3) = 0.67/h.
        List<Officer> officers = List.of(free("A", TOWN), free("B", TOWN.offset(500, 0)), busy("C", TOWN));

        List<MoveUp> plan = planner.plan(officers, townAndVillage(), Map.of(), NOW);

        assertThat(plan).hasSize(1);
        MoveUp move = plan.get(0);
        assertThat(move.targetCellId()).isEqualTo("village");
        assertThat(move.officerId()).isIn("A", "B");
        assertThat(move.expectedGain()).isCloseTo(2.0 / 9, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(move.travelMinutes()).isBetween(20.0, 22.0);
        assertThat(move.reasons()).anyMatch(r -> r.startsWith("1 cell(s) with demand short of cover"));
    }

    @Test
    void nothingIsRecommendedWhenEveryCellWithDemandIsCovered() {
        List<Officer> officers = List.of(free("A", TOWN), free("B", VILLAGE));

        assertThat(planner.plan(officers, townAndVillage(), Map.of(), NOW)).isEmpty();
    }

    @Test
    void theOnlyOfficerCoveringTheBusierCellIsNotMovedAway() {
        GeoPoint near = TOWN.offset(8_000, 90);
        List<DemandCell> cells = List.of(new DemandCell("town", TOWN, 2.0, 1, null),
                new DemandCell("edge", TOWN.offset(16_000, 90), 0.5, 1, null));

        List<MoveUp> plan = planner.plan(List.of(free("A", TOWN), busy("C", near)), cells, Map.of(), NOW);

        assertThat(plan).as("moving A would lose 2/h to gain 0.5/h").isEmpty();
    }

    @Test
    void officersNearShiftEndOrMovedInTheLastHourStay() {
        GeoPoint nearVillage = VILLAGE.offset(12_000, 270);
        List<DemandCell> cells = List.of(new DemandCell("village", VILLAGE, 1.0, 1, null));
        Officer ending = unit("E").at(nearVillage, NOW).shiftEnd(NOW.plusSeconds(20 * 60)).build();
        Officer bounced = unit("M").at(nearVillage, NOW).shiftEnd(NOW.plusSeconds(6 * 3600)).build();

        List<MoveUp> plan = planner.plan(List.of(ending, bounced), cells,
                Map.of("M", List.of(NOW.minusSeconds(30 * 60))), NOW);

        assertThat(plan).isEmpty();
        assertThat(planner.plan(List.of(bounced), cells, Map.of("M", List.of(NOW.minusSeconds(2 * 3600))), NOW))
                .extracting(MoveUp::officerId).containsExactly("M");
    }

    @Test
    void aGroupWeighsTheCellsItsOfficersCouldReachAfterAMove() {
        DemandCell far = new DemandCell("far", TOWN.offset(40_000, 90), 1.0, 1, null);

        assertThat(planner.cellsWithinMove(List.of(free("A", TOWN)), List.of(townAndVillage().get(1), far)))
                .extracting(DemandCell::cellId).containsExactly("village");
    }

    @Test
    void aMoveOutOfTheHomeAreaIsNamedInTheReasons() {
        GeoPoint nearVillage = VILLAGE.offset(12_000, 270);
        List<DemandCell> cells = List.of(new DemandCell("village", VILLAGE, 1.0, 1, "EAST"));

        List<MoveUp> plan = planner.plan(List.of(free("A", nearVillage), free("B", nearVillage)), cells, Map.of(), NOW);

        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).reasons()).anyMatch(r -> r.contains("leaves home area TOWN for EAST"));
    }
}
