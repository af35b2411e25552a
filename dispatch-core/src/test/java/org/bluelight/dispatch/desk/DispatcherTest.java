package org.bluelight.dispatch.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bluelight.dispatch.fixtures.Incidents.incident;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.recommend.Recommendation;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(52.6369, -1.1398);

    final TableTravelTimes roads = new TableTravelTimes(10);
    final Dispatcher desk = new Dispatcher(new Recommender(DispatchRules.defaults(), roads), new InMemoryBoard());

    static List<Recommendation> recommendations(List<DeskOutput> outputs) {
        return outputs.stream().filter(DeskOutput.Recommended.class::isInstance)
                .map(o -> ((DeskOutput.Recommended) o).recommendation()).toList();
    }

    static List<String> backlog(List<DeskOutput> outputs) {
        return outputs.stream().filter(DeskOutput.BacklogChanged.class::isInstance)
                .reduce((a, b) -> b).map(o -> ((DeskOutput.BacklogChanged) o).entries().stream()
                        .map(WaitingIncident::incidentId).toList()).orElseThrow();
    }

    @Test
    void aReportedIncidentWithAFreeUnitGetsAnActiveRecommendation() {
        desk.onOfficer(unit("U1").at(SCENE.offset(1000, 0), T0).build(), T0);

        List<DeskOutput> out = desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        assertThat(recommendations(out)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RecommendationStatus.ACTIVE);
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.REPORTED);
            assertThat(r.revision()).isEqualTo(1);
            assertThat(r.candidates().get(0).officerIds()).containsExactly("U1");
        });
        assertThat(out).noneMatch(DeskOutput.BacklogChanged.class::isInstance);
    }

    @Test
    void withNoUnitTheIncidentWaitsAndTheBacklogServesAWaitingGrade1BeforeAnOlderGrade2() {
        desk.onOfficer(unit("U1").on(OfficerState.ON_SCENE, "ELSEWHERE").at(SCENE.offset(1000, 0), T0).build(), T0);
        List<DeskOutput> first = desk.onIncident(incident("OLD2").grade(2).reportedAt(T0).at(SCENE).build(),
                IncidentEventType.REPORTED, T0);
        List<DeskOutput> second = desk.onIncident(incident("NEW1").grade(1).reportedAt(T0.plusSeconds(600)).at(SCENE).build(),
                IncidentEventType.REPORTED, T0.plusSeconds(600));

        assertThat(recommendations(first)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RecommendationStatus.NO_CANDIDATE);
            assertThat(r.noCandidateReason()).isEqualTo("no officer in dispatch group NORTH available or free before the target");
        });
        assertThat(backlog(second)).containsExactly("NEW1", "OLD2");

        List<DeskOutput> freed = desk.onOfficer(unit("U1").at(SCENE.offset(1000, 0), T0.plusSeconds(700)).build(),
                T0.plusSeconds(700));

        assertThat(recommendations(freed)).singleElement().satisfies(r -> {
            assertThat(r.incidentId()).isEqualTo("NEW1");
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.BACKLOG_HEAD);
            assertThat(r.revision()).isEqualTo(2);
        });
        assertThat(backlog(freed)).containsExactly("OLD2");
    }

    @Test
    void anAssignmentWithdrawsTheRecommendationAndAClosureWithdrawsAWaitingOne() {
        desk.onOfficer(unit("U1").at(SCENE, T0).build(), T0);
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);
        desk.onIncident(incident("I2").grade(3).reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        List<DeskOutput> assigned = desk.onAssignment("NORTH", "I1", AssignmentAction.ASSIGNED, List.of("U1"), T0.plusSeconds(30));
        List<DeskOutput> again = desk.onOfficer(unit("U1").on(OfficerState.EN_ROUTE, "I1").at(SCENE, T0).build(), T0.plusSeconds(40));
        List<DeskOutput> closed = desk.onIncident(incident("I2").grade(3).reportedAt(T0).at(SCENE).build(),
                IncidentEventType.CLOSED, T0.plusSeconds(50));

        assertThat(recommendations(assigned)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RecommendationStatus.WITHDRAWN);
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.WITHDRAWN);
            assertThat(r.revision()).isEqualTo(2);
        });
        assertThat(again).isEmpty();
        assertThat(recommendations(closed)).isEmpty();
        assertThat(backlog(closed)).isEmpty();
        assertThat(desk.board().cases("NORTH")).extracting(IncidentCase::incidentId).containsExactly("I1");
    }

    @Test
    void aStatusNamingTheIncidentStopsTheRecommendation() {
        desk.onOfficer(unit("U1").at(SCENE, T0).build(), T0);
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        List<DeskOutput> out = desk.onOfficer(unit("U1").on(OfficerState.EN_ROUTE, "I1").at(SCENE, T0).build(), T0.plusSeconds(5));

        assertThat(recommendations(out)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RecommendationStatus.WITHDRAWN));
        assertThat(desk.board().incidentCase("NORTH", "I1").orElseThrow().stage()).isEqualTo(Stage.ASSIGNED);
    }

    @Test
    void aDivertedCrewsGrade3IncidentReturnsToTheBacklog() {
        desk.onOfficer(unit("U1").at(SCENE.offset(2000, 0), T0).build(), T0);
        desk.onIncident(incident("G3").grade(3).reportedAt(T0).at(SCENE.offset(4000, 0)).build(), IncidentEventType.REPORTED, T0);
        List<DeskOutput> enRoute = desk.onOfficer(unit("U1").on(OfficerState.EN_ROUTE, "G3").at(SCENE.offset(2000, 0), T0).build(), T0);
        assertThat(backlog(enRoute)).isEmpty();

        List<DeskOutput> grade1 = desk.onIncident(incident("G1").grade(1).reportedAt(T0).at(SCENE).build(),
                IncidentEventType.REPORTED, T0.plusSeconds(10));
        assertThat(recommendations(grade1)).singleElement().satisfies(r ->
                assertThat(r.candidates().get(0).units().get(0).prospect().divertedFromIncidentId()).isEqualTo("G3"));

        List<DeskOutput> diverted = desk.onAssignment("NORTH", "G1", AssignmentAction.ASSIGNED, List.of("U1"), T0.plusSeconds(20));

        assertThat(backlog(diverted)).containsExactly("G3");
        assertThat(desk.board().backlog("NORTH").get(0).reason())
                .isEqualTo("returned to the queue: CS-U1 diverted to incident G1; scheduled (grade 3)");
        assertThat(recommendations(diverted)).extracting(Recommendation::incidentId, Recommendation::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("G1", RecommendationStatus.WITHDRAWN));
    }

    @Test
    void aRecommendedUnitGoingUnavailableRefreshesTheRecommendation() {
        desk.onOfficer(unit("NEAR").at(SCENE.offset(500, 0), T0).build(), T0);
        desk.onOfficer(unit("FAR").at(SCENE.offset(3000, 0), T0).build(), T0);
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        List<DeskOutput> out = desk.onOfficer(unit("NEAR").state(OfficerState.ON_BREAK).at(SCENE.offset(500, 0), T0).build(),
                T0.plusSeconds(20));

        assertThat(recommendations(out)).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.CANDIDATE_UNAVAILABLE);
            assertThat(r.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("FAR");
        });
    }

    @Test
    void aBetterUnitFreedNearbyRefreshesTheRecommendationButAFarOneDoesNot() {
        desk.onOfficer(unit("FAR").at(SCENE.offset(3000, 0), T0).build(), T0);
        desk.onOfficer(unit("NEAR").state(OfficerState.ON_SCENE).at(SCENE.offset(400, 0), T0).build(), T0);
        desk.onOfficer(unit("REMOTE").state(OfficerState.ON_SCENE).at(SCENE.offset(9000, 0), T0).build(), T0);
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        List<DeskOutput> remote = desk.onOfficer(unit("REMOTE").at(SCENE.offset(9000, 0), T0).build(), T0.plusSeconds(10));
        List<DeskOutput> near = desk.onOfficer(unit("NEAR").at(SCENE.offset(400, 0), T0).build(), T0.plusSeconds(20));

        assertThat(recommendations(remote)).isEmpty();
        assertThat(recommendations(near)).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.BETTER_OFFICER_FREE);
            assertThat(r.candidates().get(0).officerIds()).containsExactly("NEAR");
        });
    }

    /** A board that counts the scans of a group's officers, the desk's costliest read. */
    static final class CountingBoard implements DispatchBoard {
        final InMemoryBoard board = new InMemoryBoard();
        int officerScans;

        @Override public java.util.Optional<org.bluelight.dispatch.availability.Officer> officer(String group, String officerId) {
            return board.officer(group, officerId);
        }
        @Override public void putOfficer(org.bluelight.dispatch.availability.Officer officer) {
            board.putOfficer(officer);
        }
        @Override public void removeOfficer(String group, String officerId) {
            board.removeOfficer(group, officerId);
        }
        @Override public List<org.bluelight.dispatch.availability.Officer> officers(String group) {
            officerScans++;
            return board.officers(group);
        }
        @Override public java.util.Optional<IncidentCase> incidentCase(String group, String incidentId) {
            return board.incidentCase(group, incidentId);
        }
        @Override public void putCase(IncidentCase incidentCase) {
            board.putCase(incidentCase);
        }
        @Override public void removeCase(IncidentCase incidentCase) {
            board.removeCase(incidentCase);
        }
        @Override public List<IncidentCase> cases(String group) {
            return board.cases(group);
        }
        @Override public List<WaitingIncident> backlog(String group) {
            return board.backlog(group);
        }
        @Override public List<String> groupsWithBacklog() {
            return board.groupsWithBacklog();
        }
    }

    @Test
    void aFreedUnitReadsItsGroupsOfficersOnceHoweverManyRecommendationsItCouldImprove() {
        // Found by the 10,000-records-a-topic fuzz: a scan per open incident made each freed unit cost
        // incidents x officers reads, and the dispatch desk's transactions outlived their timeout for good.
        CountingBoard board = new CountingBoard();
        Dispatcher counted = new Dispatcher(new Recommender(DispatchRules.defaults(), roads), board);
        counted.onOfficer(unit("FAR").at(SCENE.offset(3000, 0), T0).build(), T0);
        counted.onOfficer(unit("NEAR").state(OfficerState.ON_SCENE).at(SCENE.offset(400, 0), T0).build(), T0);
        for (int i = 0; i < 5; i++) {
            counted.onIncident(incident("I" + i).reportedAt(T0).at(SCENE.offset(10 * i, 0)).build(), IncidentEventType.REPORTED, T0);
        }
        board.officerScans = 0;

        List<DeskOutput> near = counted.onOfficer(unit("NEAR").at(SCENE.offset(400, 0), T0).build(), T0.plusSeconds(20));

        assertThat(recommendations(near)).hasSize(5)
                .allSatisfy(r -> assertThat(r.trigger()).isEqualTo(RecommendationTrigger.BETTER_OFFICER_FREE));
        assertThat(board.officerScans).isEqualTo(1);
    }

    @Test
    void aRegradeRefreshesAndADowngradeToScheduledWithdrawsAndQueues() {
        desk.onOfficer(unit("U1").at(SCENE, T0).build(), T0);
        desk.onIncident(incident("I1").grade(2).reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        List<DeskOutput> up = desk.onIncident(incident("I1").grade(1).reportedAt(T0).at(SCENE).build(), IncidentEventType.UPDATED, T0.plusSeconds(5));
        List<DeskOutput> down = desk.onIncident(incident("I1").grade(3).reportedAt(T0).at(SCENE).build(), IncidentEventType.UPDATED, T0.plusSeconds(9));

        assertThat(recommendations(up)).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(RecommendationTrigger.REGRADED);
            assertThat(r.grade()).isEqualTo(1);
            assertThat(r.targetSeconds()).isEqualTo(900);
        });
        assertThat(recommendations(down)).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(RecommendationStatus.WITHDRAWN));
        assertThat(backlog(down)).containsExactly("I1");
    }

    @Test
    void aWaitingIncidentIsShownBreachedOnceWhenItsTargetPasses() {
        desk.onIncident(incident("I1").reportedAt(T0).at(SCENE).build(), IncidentEventType.REPORTED, T0);

        assertThat(desk.onClock(T0.plus(Duration.ofMinutes(14)))).isEmpty();
        List<DeskOutput> breached = desk.onClock(T0.plus(Duration.ofMinutes(16)));
        assertThat(breached).singleElement().satisfies(o -> {
            DeskOutput.BacklogChanged snapshot = (DeskOutput.BacklogChanged) o;
            assertThat(snapshot.entries().get(0).breached(snapshot.at())).isTrue();
        });
        assertThat(desk.onClock(T0.plus(Duration.ofMinutes(17)))).isEmpty();
    }

    @Test
    void refusesAnUnknownGradeAndAnAssignmentForAnIncidentItDoesNotKnow() {
        assertThatThrownBy(() -> desk.onIncident(incident("I9").grade(9).reportedAt(T0).at(SCENE).build(),
                IncidentEventType.REPORTED, T0)).isInstanceOf(RejectedInput.class).hasMessage("unknown grade 9 on incident I9");
        assertThatThrownBy(() -> desk.onAssignment("NORTH", "NOPE", AssignmentAction.ASSIGNED, List.of("U1"), T0))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("not open in dispatch group NORTH");
    }
}
