package org.bluelight.dispatch.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bluelight.dispatch.fixtures.Incidents.incident;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.ranking.Candidate;
import org.bluelight.dispatch.ranking.ScorePart;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(52.6369, -1.1398);
    static final IncidentGrades NONE = id -> OptionalInt.empty();

    final DispatchRules rules = DispatchRules.defaults();

    @Test
    void advancedDriverFurtherAwayOnAFastRoadBeatsABasicDriverInTownOnGrade1ButNotOnGrade2() {
        Officer advanced = unit("ADV").driver(DrivingStandard.ADVANCED).at(SCENE.offset(3000, 0), NOW).build();
        Officer basic = unit("BAS").driver(DrivingStandard.BASIC).at(SCENE.offset(2000, 180), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10)
                .route("ADV", 300, 170, 3400)   // fast road: 5 min at the limit, under 3 min on blue lights
                .route("BAS", 240, 240, 2300);  // town streets: 4 min, basic drivers never go faster
        Recommender recommender = new Recommender(rules, roads);

        Outcome grade1 = recommender.recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(),
                List.of(advanced, basic), NOW, NONE);
        Outcome grade2 = recommender.recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(),
                List.of(advanced, basic), NOW, NONE);

        assertThat(grade1.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("ADV", "BAS");
        assertThat(grade1.best().units().get(0).mode().emergency()).isTrue();
        assertThat(grade1.best().reasons().get(0)).isEqualTo("ETA 3 min (3.4 km by road), advanced driver, emergency route");
        assertThat(grade2.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("BAS", "ADV");
        assertThat(grade2.candidates().get(1).units().get(0).mode().emergency()).isFalse();
    }

    @Test
    void grade2EtaOfAnOfficerOnBreakCountsFromWhenTheBreakEnds() {
        Officer onBreak = unit("BRK").state(OfficerState.ON_BREAK).freeAt(NOW.plus(Duration.ofMinutes(10)))
                .at(SCENE.offset(100, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("BRK", 60, 60, 150);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(), List.of(onBreak), NOW, NONE);

        assertThat(outcome.best().etaSeconds()).isEqualTo(660);
        assertThat(outcome.best().meetsTarget()).isTrue();
        assertThat(roads.departures).containsExactly(NOW.plus(Duration.ofMinutes(10)));
        assertThat(outcome.best().reasons()).anyMatch(r -> r.startsWith("free from 12:10Z (on break ends)"));
    }

    @Test
    void grade2DropsAnOfficerOnBreakWhoWouldArriveAfterTheTarget() {
        Officer onBreak = unit("BRK").state(OfficerState.ON_BREAK).freeAt(NOW.plus(Duration.ofMinutes(55)))
                .at(SCENE.offset(5000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("BRK", 600, 600, 6000);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(), List.of(onBreak), NOW, NONE);

        assertThat(outcome.hasCandidates()).isFalse();
        assertThat(outcome.noCandidateReason()).contains("1 would be free too late to meet the target");
    }

    @Test
    void prefersADoubleCrewOnGrade1WhenNearlyAsQuickButNotWhenMuchSlower() {
        Officer single = unit("ONE").crew(1).at(SCENE.offset(1000, 0), NOW).build();
        Officer pair = unit("TWO").crew(2).at(SCENE.offset(1100, 0), NOW).build();
        Incident grade1 = incident("I1").grade(1).reportedAt(NOW).at(SCENE).build();

        Outcome nearlyAsQuick = new Recommender(rules, new TableTravelTimes(10)
                .route("ONE", 200, 200, 1200).route("TWO", 240, 240, 1300))
                .recommend(grade1, List.of(single, pair), NOW, NONE);
        Outcome muchSlower = new Recommender(rules, new TableTravelTimes(10)
                .route("ONE", 200, 200, 1200).route("TWO", 400, 400, 2600))
                .recommend(grade1, List.of(single, pair), NOW, NONE);

        assertThat(nearlyAsQuick.best().officerIds()).containsExactly("TWO");
        assertThat(nearlyAsQuick.best().breakdown()).contains(new ScorePart("double-crew preference", -60));
        assertThat(nearlyAsQuick.best().reasons()).contains("double crew, preferred for grade 1");
        assertThat(muchSlower.best().officerIds()).containsExactly("ONE");
    }

    @Test
    void prefersASingleCrewOnGrade2WhenNearlyAsQuick() {
        Officer single = unit("ONE").crew(1).at(SCENE.offset(1100, 0), NOW).build();
        Officer pair = unit("TWO").crew(2).at(SCENE.offset(1000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("ONE", 240, 240, 1300).route("TWO", 200, 200, 1200);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(), List.of(single, pair), NOW, NONE);

        assertThat(outcome.best().officerIds()).containsExactly("ONE");
        assertThat(outcome.best().reasons()).contains("single crew, preferred for grade 2");
    }

    @Test
    void prefersTheIncidentsHomeArea() {
        Officer local = unit("LOCAL").homeArea("CASTLE").at(SCENE.offset(1100, 0), NOW).build();
        Officer visitor = unit("AWAY").homeArea("ABBEY").at(SCENE.offset(1000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("LOCAL", 230, 230, 1300).route("AWAY", 200, 200, 1200);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I1").grade(1).area("CASTLE").reportedAt(NOW).at(SCENE).build(),
                        List.of(local, visitor), NOW, NONE);

        assertThat(outcome.best().officerIds()).containsExactly("LOCAL");
        assertThat(outcome.best().breakdown()).contains(new ScorePart("home-area preference", -60));
        assertThat(outcome.best().reasons()).contains("home area CASTLE");
    }

    @Test
    void aCrewWhoseShiftEndsBeforeTheJobIsDoneRanksBelowAnEqualOne() {
        Officer leaving = unit("LEAVING").shiftEnd(NOW.plus(Duration.ofMinutes(10))).at(SCENE.offset(1000, 0), NOW).build();
        Officer staying = unit("STAYING").shiftEnd(NOW.plus(Duration.ofHours(6))).at(SCENE.offset(1000, 180), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("LEAVING", 200, 200, 1200).route("STAYING", 200, 200, 1200);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).serviceMinutes(30).build(),
                        List.of(leaving, staying), NOW, NONE);

        assertThat(outcome.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("STAYING", "LEAVING");
        assertThat(outcome.candidates().get(1).breakdown()).contains(new ScorePart("shift end", 900));
        assertThat(outcome.candidates().get(1).reasons())
                .contains("shift ends 12:10Z, before arrival plus 30 min on scene");
    }

    @Test
    void grade2CoverageCostPenalisesAnOfficerWhoAloneCoversDemandAndIsNeutralWhenUnknown() {
        Officer soleCover = unit("SOLE").coverage(new CoverageImpact(3, 0.2)).at(SCENE.offset(1000, 0), NOW).build();
        Officer unknown = unit("UNKNOWN").at(SCENE.offset(1000, 90), NOW).build();
        Officer spare = unit("SPARE").coverage(new CoverageImpact(0, 0)).at(SCENE.offset(1000, 180), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10)
                .route("SOLE", 100, 100, 1200).route("UNKNOWN", 200, 200, 1200).route("SPARE", 300, 300, 1200);

        Outcome grade2 = new Recommender(rules, roads).recommend(incident("I2").grade(2).reportedAt(NOW).at(SCENE).build(),
                List.of(soleCover, unknown, spare), NOW, NONE);
        Outcome grade1 = new Recommender(rules, roads).recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(),
                List.of(soleCover, unknown, spare), NOW, NONE);

        assertThat(grade2.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("UNKNOWN", "SPARE", "SOLE");
        Candidate sole = grade2.candidates().get(2);
        assertThat(sole.breakdown()).contains(new ScorePart("coverage cost", 0.2 * 1800));
        assertThat(sole.reasons().get(0)).endsWith("would leave 3 cells uncovered (0.20 incidents/h)");
        assertThat(grade2.candidates().get(0).breakdown()).contains(new ScorePart("coverage cost", 0));
        assertThat(grade2.candidates().get(0).reasons().get(0)).endsWith("; coverage impact unknown");
        assertThat(grade2.candidates().get(1).reasons().get(0))
                .isEqualTo("ETA 5 min (1.2 km by road), basic driver, normal road speeds; leaves no area uncovered");
        assertThat(grade1.best().officerIds()).containsExactly("SOLE");
    }

    @Test
    void aStalePositionIsFlaggedAndPenalised() {
        Officer stale = unit("OLD").at(SCENE.offset(1000, 0), NOW.minus(Duration.ofMinutes(7))).build();
        Officer fresh = unit("NEW").at(SCENE.offset(1000, 180), NOW.minusSeconds(30)).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("OLD", 150, 150, 1200).route("NEW", 200, 200, 1200);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(), List.of(stale, fresh), NOW, NONE);

        assertThat(outcome.candidates()).extracting(c -> c.officerIds().get(0)).containsExactly("NEW", "OLD");
        var oldUnit = outcome.candidates().get(1).units().get(0);
        assertThat(oldUnit.positionStale()).isTrue();
        assertThat(oldUnit.positionAgeSeconds()).isEqualTo(420);
        assertThat(oldUnit.parts()).contains(new ScorePart("stale position", 120));
        assertThat(oldUnit.reasons()).contains("position 7 min old (stale), ETA less certain");
        assertThat(outcome.best().units().get(0).positionStale()).isFalse();
    }

    @Test
    void aDiversionCandidateIsFlaggedAndCostsALittle() {
        Officer diverted = unit("DIV").on(OfficerState.EN_ROUTE, "G3").at(SCENE.offset(1000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("DIV", 200, 200, 1200);

        Outcome outcome = new Recommender(rules, roads).recommend(
                incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(), List.of(diverted), NOW,
                id -> id.equals("G3") ? OptionalInt.of(3) : OptionalInt.empty());

        assertThat(outcome.best().units().get(0).prospect().divertedFromIncidentId()).isEqualTo("G3");
        assertThat(outcome.best().breakdown()).contains(new ScorePart("diversion", 60));
        assertThat(outcome.best().reasons()).contains("diversion: would leave incident G3 (grade 3), which returns to the queue");
    }

    @Test
    void anIncidentNeedingTwoOfficersGetsADoubleCrewOrATeamOfTwoSingles() {
        Officer a = unit("A").at(SCENE.offset(500, 0), NOW).build();
        Officer b = unit("B").at(SCENE.offset(700, 0), NOW).build();
        Officer pair = unit("P").crew(2).at(SCENE.offset(3000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10)
                .route("A", 100, 100, 600).route("B", 150, 150, 800).route("P", 400, 400, 3500);

        Outcome outcome = new Recommender(rules, roads).recommend(
                incident("I1").grade(1).officers(2).reportedAt(NOW).at(SCENE).build(), List.of(a, b, pair), NOW, NONE);
        Outcome doubleNeeded = new Recommender(rules, roads).recommend(
                incident("I2").grade(1).doubleCrew().reportedAt(NOW).at(SCENE).build(), List.of(a, b), NOW, NONE);

        Candidate team = outcome.best();
        assertThat(team.officerIds()).containsExactly("A", "B");
        assertThat(team.etaSeconds()).isEqualTo(150);
        assertThat(team.crewSize()).isEqualTo(2);
        assertThat(team.reasons().get(0)).isEqualTo("team of 2 units, 2 officers");
        assertThat(outcome.candidates()).anySatisfy(c -> assertThat(c.officerIds()).containsExactly("P"));
        assertThat(doubleNeeded.noCandidateReason()).isEqualTo("needs 2 officers including a double crew but the nearest suitable units carry 2");
    }

    @Test
    void saysWhyWhenNoShortlistedOfficerHasARoute() {
        Officer island = unit("ISL").at(SCENE.offset(1000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).noRoute("ISL", "position is off the road network");

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I1").grade(1).reportedAt(NOW).at(SCENE).build(), List.of(island), NOW, NONE);

        assertThat(outcome.noCandidateReason())
                .isEqualTo("none of the 1 nearest suitable officers can attend; no road route for CS-ISL: position is off the road network");
    }

    @Test
    void everyCandidateCarriesEtaDistancesTargetAndAScoreThatAddsUp() {
        Officer unit = unit("U").at(SCENE.offset(2000, 0), NOW).build();
        TableTravelTimes roads = new TableTravelTimes(10).route("U", 1000, 1000, 2600);

        Outcome outcome = new Recommender(rules, roads)
                .recommend(incident("I1").grade(1).reportedAt(NOW.minus(Duration.ofMinutes(5))).at(SCENE).build(),
                        List.of(unit), NOW, NONE);

        Candidate best = outcome.best();
        assertThat(best.slowest().roadMeters()).isEqualTo(2600);
        assertThat(best.slowest().prospect().straightLineMeters()).isCloseTo(2000, within(1.0));
        assertThat(best.meetsTarget()).isFalse();
        assertThat(best.reasons()).contains("misses the 15 min target by 7 min");
        assertThat(best.score()).isEqualTo(best.breakdown().stream().mapToDouble(ScorePart::seconds).sum());
        assertThat(outcome.targetAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }
}
