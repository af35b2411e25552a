package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.junit.jupiter.api.Test;

class ResourceTimelineTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static Instant minutes(long m) {
        return T0.plusSeconds(m * 60);
    }

    @Test
    void eachResourceRunsFromItsFirstMarkerToReleaseAndResourcesAreSummed() {
        ResourceTimeline timeline = ResourceTimeline.empty()
                .engaged("A", minutes(5))   // deployed
                .engaged("A", minutes(0))   // the assignment, seen late, was first
                .engaged("A", minutes(20))  // arrived
                .released("A", minutes(60))
                .engaged("B", minutes(30))
                .released("B", minutes(60));
        assertThat(timeline.hours()).isEqualTo(1.5);
    }

    @Test
    void openStintCountsNothingAndASecondStintAdds() {
        ResourceTimeline timeline = ResourceTimeline.empty().engaged("A", minutes(0)).released("A", minutes(30))
                .engaged("A", minutes(90));
        assertThat(timeline.hours()).isEqualTo(0.5);
        assertThat(timeline.released("A", minutes(120)).hours()).isEqualTo(1.0);
    }

    @Test
    void aTeamOfThreeThousandCostsOneWritePerUpdate() {
        int team = 3_000;
        ResourceTimeline timeline = ResourceTimeline.empty();
        for (int i = 0; i < team; i++) {
            timeline = timeline.engaged("O" + i, minutes(0));
        }
        for (int i = 0; i < team; i++) {
            timeline = timeline.released("O" + i, minutes(30));
        }
        assertThat(((StintMap) timeline.stints()).writes()).as("entries written for 2 updates per officer")
                .isEqualTo(2L * team);
        assertThat(timeline.hours()).isEqualTo(team * 0.5);
        assertThat(timeline.stints()).hasSize(team);
    }

    @Test
    void everyVersionKeepsItsValueWhenAnotherIsUpdatedOrRead() {
        ResourceTimeline engaged = ResourceTimeline.empty().engaged("A", minutes(0)).engaged("B", minutes(10));
        ResourceTimeline releasedEarly = engaged.released("A", minutes(30));
        ResourceTimeline releasedLate = engaged.released("A", minutes(60)).released("B", minutes(70));
        assertThat(engaged.hours()).isZero();
        assertThat(releasedEarly.hours()).isEqualTo(0.5);
        assertThat(releasedLate.hours()).isEqualTo(2.0);
        assertThat(releasedEarly.stints().get("A")).containsExactly(new ResourceTimeline.Stint(minutes(0), minutes(30)));
        assertThat(engaged.stints().get("A")).containsExactly(new ResourceTimeline.Stint(minutes(0), null));
        assertThat(releasedLate.stints().get("B")).containsExactly(new ResourceTimeline.Stint(minutes(10), minutes(70)));
        assertThat(releasedEarly.stints().get("B")).containsExactly(new ResourceTimeline.Stint(minutes(10), null));
        assertThat(releasedEarly).isEqualTo(new ResourceTimeline(Map.of(
                "A", List.of(new ResourceTimeline.Stint(minutes(0), minutes(30))),
                "B", List.of(new ResourceTimeline.Stint(minutes(10), null)))));
        assertThat(ResourceTimeline.empty().stints()).as("a fresh empty timeline, untouched by the others").isEmpty();
    }

    @Test
    void statusAndAssignmentStreamsGiveEngagementAndRelease() {
        OfficerEngagement.Step assigned = OfficerEngagement.next(null, OfficerEngagement.Signal.of(Assignment.newBuilder()
                .setIncidentId("I1").setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of("O1")).setDecidedAt(minutes(1)).build()).get(0));
        assertThat(assigned.events()).containsExactly(new ResourceEvent("I1", "O1", true, minutes(1)));
        OfficerEngagement.Step enRoute = OfficerEngagement.next(assigned.currentIncident(),
                OfficerEngagement.Signal.of(status("O1", OfficerState.EN_ROUTE, "I1", minutes(2))));
        assertThat(enRoute.events()).containsExactly(new ResourceEvent("I1", "O1", true, minutes(2)));
        OfficerEngagement.Step diverted = OfficerEngagement.next(enRoute.currentIncident(),
                OfficerEngagement.Signal.of(status("O1", OfficerState.EN_ROUTE, "I2", minutes(40))));
        assertThat(diverted.events()).containsExactly(
                new ResourceEvent("I1", "O1", false, minutes(40)), new ResourceEvent("I2", "O1", true, minutes(40)));
        OfficerEngagement.Step available = OfficerEngagement.next(diverted.currentIncident(),
                OfficerEngagement.Signal.of(status("O1", OfficerState.AVAILABLE, null, minutes(50))));
        assertThat(available.events()).containsExactly(new ResourceEvent("I2", "O1", false, minutes(50)));
        assertThat(available.currentIncident()).isNull();
        OfficerEngagement.Step stoodDown = OfficerEngagement.next("I3", OfficerEngagement.Signal.of(Assignment.newBuilder()
                .setIncidentId("I3").setAction(AssignmentAction.STOOD_DOWN).setOfficerIds(List.of("O1")).setDecidedAt(minutes(9)).build()).get(0));
        assertThat(stoodDown.events()).containsExactly(new ResourceEvent("I3", "O1", false, minutes(9)));
        assertThat(stoodDown.currentIncident()).isNull();
    }

    @Test
    void aReleaseCadLogsIsTakenAsItIsAndReplacesTheInference() {
        // Sent to I2 while still on I1 (a second incident on the way): the inference would end I1 now.
        OfficerStatus secondJob = OfficerStatus.newBuilder(status("O1", OfficerState.EN_ROUTE, "I2", minutes(40)))
                .setReleasedFromIncidentId("I0").build();
        OfficerEngagement.Step step = OfficerEngagement.next("I1", OfficerEngagement.Signal.of(secondJob));
        assertThat(step.events()).as("only the logged release, and the new engagement").containsExactly(
                new ResourceEvent("I0", "O1", false, minutes(40)), new ResourceEvent("I2", "O1", true, minutes(40)));

        OfficerStatus cleared = OfficerStatus.newBuilder(status("O1", OfficerState.AVAILABLE, null, minutes(70)))
                .setReleasedFromIncidentId("I1").build();
        assertThat(OfficerEngagement.next("I2", OfficerEngagement.Signal.of(cleared)).events())
                .containsExactly(new ResourceEvent("I1", "O1", false, minutes(70)));
    }

    static OfficerStatus status(String officer, OfficerState state, String incident, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(officer).setCallSign(officer).setState(state).setChangedAt(at)
                .setDispatchGroup("RAD1").setIncidentId(incident).build();
    }
}
