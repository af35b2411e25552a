package org.bluelight.dispatch.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluelight.dispatch.desk.DispatcherTest.SCENE;
import static org.bluelight.dispatch.desk.DispatcherTest.T0;
import static org.bluelight.dispatch.desk.DispatcherTest.recommendations;
import static org.bluelight.dispatch.fixtures.Incidents.incident;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.util.List;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.junit.jupiter.api.Test;

/** The desk's bounds on what one group holds and what one event costs. */
class DeskLimitsTest {

    final TableTravelTimes roads = new TableTravelTimes(10);

    Dispatcher desk(DeskLimits limits) {
        return new Dispatcher(new Recommender(DispatchRules.defaults(), roads), new InMemoryBoard(), limits);
    }

    @Test
    void aUnitNewToAFullGroupIsRefusedWhileTheGroupsOwnUnitsStillUpdate() {
        Dispatcher desk = desk(new DeskLimits(2, 10, 20));
        desk.onOfficer(unit("U1").at(SCENE, T0).build(), T0);
        desk.onOfficer(unit("U2").at(SCENE, T0).build(), T0);

        assertThatThrownBy(() -> desk.onOfficer(unit("U3").at(SCENE, T0).build(), T0))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.code()).isEqualTo(DeskLimits.GROUP_FULL))
                .hasMessage("officer U3: dispatch group NORTH already has 2 units, the most one group may hold");
        desk.onOfficer(unit("U1").state(OfficerState.ON_SCENE).at(SCENE, T0).build(), T0.plusSeconds(5));
        assertThat(desk.board().officers("NORTH")).extracting(o -> o.id()).containsExactlyInAnyOrder("U1", "U2");
    }

    @Test
    void aNewIncidentInAGroupWithTheMostOpenIsRefusedUntilOneCloses() {
        Dispatcher desk = desk(new DeskLimits(10, 2, 20));
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);
        desk.onIncident(incident("I2").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        assertThatThrownBy(() -> desk.onIncident(incident("I3").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.code()).isEqualTo(DeskLimits.GROUP_FULL))
                .hasMessage("incident I3: dispatch group NORTH already has 2 open incidents, the most one group may hold");
        desk.onIncident(incident("I1").grade(2).reportedAt(T0).at(SCENE).build(), IncidentEventType.UPDATED, T0.plusSeconds(5));
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.CLOSED, T0.plusSeconds(6));

        assertThat(recommendations(desk.onIncident(incident("I3").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED,
                T0.plusSeconds(7)))).singleElement().satisfies(r -> assertThat(r.incidentId()).isEqualTo("I3"));
    }

    @Test
    void aFreedUnitRefreshesAtMostTheBudgetOfRecommendationsItCouldImprove() {
        Dispatcher desk = desk(new DeskLimits(10, 100, 3));
        desk.onOfficer(unit("FAR").at(SCENE.offset(3000, 0), T0).build(), T0);
        desk.onOfficer(unit("NEAR").state(OfficerState.ON_SCENE).at(SCENE.offset(400, 0), T0).build(), T0);
        for (int i = 0; i < 5; i++) {
            desk.onIncident(incident("I" + i).reportedAt(T0).at(SCENE.offset(10 * i, 0)).build(), IncidentEventType.REPORTED, T0);
        }

        List<DeskOutput> near = desk.onOfficer(unit("NEAR").at(SCENE.offset(400, 0), T0).build(), T0.plusSeconds(20));

        assertThat(recommendations(near)).hasSize(3)
                .allSatisfy(r -> assertThat(r.trigger()).isEqualTo(RecommendationTrigger.BETTER_OFFICER_FREE));
    }

    @Test
    void aFreedUnitTriesAtMostTheBudgetOfWaitingIncidentsHeadOfTheQueueFirst() {
        Dispatcher desk = desk(new DeskLimits(10, 100, 3));
        desk.onOfficer(unit("U1").state(OfficerState.ON_SCENE).at(SCENE.offset(400, 0), T0).build(), T0);
        for (int i = 0; i < 6; i++) {
            List<DeskOutput> waiting = desk.onIncident(incident("W" + i).reportedAt(T0.plusSeconds(i)).at(SCENE).build(),
                    IncidentEventType.REPORTED, T0.plusSeconds(i));
            assertThat(recommendations(waiting)).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(RecommendationStatus.NO_CANDIDATE));
        }
        roads.noRoute("U1", "bridge closed");
        roads.requested.clear();

        List<DeskOutput> freed = desk.onOfficer(unit("U1").at(SCENE.offset(400, 0), T0).build(), T0.plusSeconds(20));

        assertThat(recommendations(freed)).isEmpty();
        assertThat(roads.requested).hasSize(3);
    }

    @Test
    void refusesLimitsBelowOne() {
        assertThatThrownBy(() -> new DeskLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeskLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeskLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
