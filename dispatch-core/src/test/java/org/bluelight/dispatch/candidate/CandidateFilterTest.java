package org.bluelight.dispatch.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.fixtures.Incidents.incident;
import static org.bluelight.dispatch.fixtures.Units.unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class CandidateFilterTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(52.6369, -1.1398);
    static final IncidentGrades GRADE_3_ELSEWHERE = id -> id.equals("G3") ? OptionalInt.of(3)
            : id.equals("G1-OTHER") ? OptionalInt.of(1) : OptionalInt.empty();

    final CandidateFilter filter = new CandidateFilter(DispatchRules.defaults());

    @Test
    void grade1SkipsAnOfficerOnBreakButGrade2TakesOneWhoseBreakEndsInTime() {
        Officer onBreak = unit("BRK").state(OfficerState.ON_BREAK).freeAt(NOW.plus(Duration.ofMinutes(20)))
                .at(SCENE.offset(500, 0), NOW).build();
        Incident grade1 = incident("I1").grade(1).reportedAt(NOW).at(SCENE).build();
        Incident grade2 = incident("I2").grade(2).reportedAt(NOW).at(SCENE).build();

        assertThat(filter.shortlist(grade1, List.of(onBreak), NOW, GRADE_3_ELSEWHERE).prospects()).isEmpty();
        Shortlist forGrade2 = filter.shortlist(grade2, List.of(onBreak), NOW, GRADE_3_ELSEWHERE);
        assertThat(forGrade2.prospects()).singleElement()
                .satisfies(p -> assertThat(p.availableFrom()).isEqualTo(NOW.plus(Duration.ofMinutes(20))));
    }

    @Test
    void grade2LeavesOutABreakThatEndsAfterTheTarget() {
        Officer lateBreak = unit("LATE").state(OfficerState.ON_BREAK).freeAt(NOW.plus(Duration.ofMinutes(61)))
                .at(SCENE, NOW).build();
        Officer processing = unit("PRIS").state(OfficerState.PRISONER_PROCESSING).freeAt(NOW.plus(Duration.ofMinutes(30)))
                .at(SCENE, NOW).build();
        Incident grade2 = incident("I2").grade(2).reportedAt(NOW).at(SCENE).build();

        assertThat(filter.shortlist(grade2, List.of(lateBreak, processing), NOW, GRADE_3_ELSEWHERE).prospects())
                .extracting(p -> p.officer().id()).containsExactly("PRIS");
    }

    @Test
    void grade1OffersACrewEnRouteToALowerGradeIncidentAsADiversion() {
        Officer toGrade3 = unit("DIV").on(OfficerState.EN_ROUTE, "G3").at(SCENE.offset(800, 90), NOW).build();
        Officer toGrade1 = unit("KEEP").on(OfficerState.EN_ROUTE, "G1-OTHER").at(SCENE.offset(300, 90), NOW).build();
        Officer onScene = unit("SCENE").on(OfficerState.ON_SCENE, "G3").at(SCENE.offset(100, 90), NOW).build();
        Incident grade1 = incident("I1").grade(1).reportedAt(NOW).at(SCENE).build();
        Incident grade2 = incident("I2").grade(2).reportedAt(NOW).at(SCENE).build();

        Shortlist shortlist = filter.shortlist(grade1, List.of(toGrade3, toGrade1, onScene), NOW, GRADE_3_ELSEWHERE);

        assertThat(shortlist.prospects()).singleElement().satisfies(p -> {
            assertThat(p.officer().id()).isEqualTo("DIV");
            assertThat(p.isDiversion()).isTrue();
            assertThat(p.divertedFromIncidentId()).isEqualTo("G3");
            assertThat(p.divertedFromGrade()).isEqualTo(3);
        });
        assertThat(filter.shortlist(grade2, List.of(toGrade3), NOW, GRADE_3_ELSEWHERE).prospects()).isEmpty();
    }

    @Test
    void keepsTheNNearestByStraightLineNearestFirst() {
        List<Officer> officers = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            officers.add(unit("U" + i).at(SCENE.offset(i * 1000, 45), NOW).build());
        }
        Incident grade1 = incident("I1").grade(1).reportedAt(NOW).at(SCENE).build();

        Shortlist shortlist = new CandidateFilter(DispatchRules.defaults().withNearestCount(3))
                .shortlist(grade1, officers, NOW, GRADE_3_ELSEWHERE);

        assertThat(shortlist.prospects()).extracting(p -> p.officer().id()).containsExactly("U1", "U2", "U3");
        assertThat(shortlist.prospects().get(0).straightLineMeters()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(DispatchRules.defaults().nearestCount()).isEqualTo(8);
    }

    @Test
    void neverCrossesDispatchGroups() {
        Officer south = unit("S1").group("SOUTH").at(SCENE, NOW).build();
        Incident north = incident("I1").grade(1).reportedAt(NOW).at(SCENE).group("NORTH").build();

        Shortlist shortlist = filter.shortlist(north, List.of(south), NOW, GRADE_3_ELSEWHERE);

        assertThat(shortlist.prospects()).isEmpty();
        assertThat(shortlist.emptyReason()).isEqualTo("no officer on record in dispatch group NORTH");
    }

    @Test
    void saysWhyWhenThereIsNoLocationOrNoPosition() {
        Officer nowhere = unit("N1").build();
        Incident noLocation = incident("I1").grade(1).reportedAt(NOW).build();
        Incident located = incident("I2").grade(1).reportedAt(NOW).at(SCENE).build();

        assertThat(filter.shortlist(noLocation, List.of(nowhere), NOW, GRADE_3_ELSEWHERE).emptyReason())
                .isEqualTo("incident has no location yet");
        assertThat(filter.shortlist(located, List.of(nowhere), NOW, GRADE_3_ELSEWHERE).emptyReason())
                .contains("has a known position");
    }
}
