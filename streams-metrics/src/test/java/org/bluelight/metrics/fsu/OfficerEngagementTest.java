package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class OfficerEngagementTest {

    private static final Instant T = Instant.parse("2026-12-03T21:00:00Z");

    @Test
    void anAssignmentReadBeforeTheOnDutyStatusThatCameFirstKeepsItsResourceTime() {
        OfficerEngagement.Signal assigned = OfficerEngagement.Signal.of(Assignment.newBuilder().setIncidentId("I1")
                .setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of("O1")).setDecidedAt(T.plusSeconds(5)).build()).get(0);
        List<OfficerEngagement.Signal> statuses = List.of(
                status(OfficerState.AVAILABLE, null, 0), status(OfficerState.EN_ROUTE, "I1", 6),
                status(OfficerState.ON_SCENE, "I1", 300), status(OfficerState.AVAILABLE, null, 900));

        // The statuses come in their order; the assignment, from another topic's partition, anywhere among them.
        for (int at = 0; at <= statuses.size(); at++) {
            List<OfficerEngagement.Signal> read = new ArrayList<>(statuses);
            read.add(at, assigned);
            assertThat(secondsOnI1(read)).as("assignment read %d of 5", at + 1).isEqualTo(895);
        }
    }

    @Test
    void aLateStatusOfAnEarlierIncidentEndsItWhenTheCurrentOneBegan() {
        List<OfficerEngagement.Signal> read = List.of(status(OfficerState.EN_ROUTE, "I2", 100), status(OfficerState.EN_ROUTE, "I1", 10),
                status(OfficerState.AVAILABLE, null, 400));
        String stored = null;
        ResourceTimeline i1 = ResourceTimeline.empty();
        ResourceTimeline i2 = ResourceTimeline.empty();
        for (OfficerEngagement.Signal signal : read) {
            OfficerEngagement.Step step = OfficerEngagement.nextAfterStored(stored, signal);
            for (ResourceEvent event : step.events()) {
                if (event.incidentId().equals("I1")) {
                    i1 = event.applyTo(i1);
                } else {
                    i2 = event.applyTo(i2);
                }
            }
            stored = step.stored();
        }
        assertThat(i1.hours() * 3600).as("on I1 from 10 s until I2 took the officer at 100 s").isCloseTo(90, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(i2.hours() * 3600).isCloseTo(300, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void anEngagementStoredWithoutItsTimeIsReadAsBefore() {
        OfficerEngagement.Step step = OfficerEngagement.nextAfterStored("I1", status(OfficerState.AVAILABLE, null, 0));

        assertThat(step.events()).containsExactly(new ResourceEvent("I1", "O1", false, T));
        assertThat(step.currentIncident()).isNull();
    }

    private static long secondsOnI1(List<OfficerEngagement.Signal> read) {
        String stored = null;
        ResourceTimeline timeline = ResourceTimeline.empty();
        for (OfficerEngagement.Signal signal : read) {
            OfficerEngagement.Step step = OfficerEngagement.nextAfterStored(stored, signal);
            for (ResourceEvent event : step.events()) {
                timeline = event.applyTo(timeline);
            }
            stored = step.stored();
        }
        return Math.round(timeline.hours() * 3600);
    }

    private static OfficerEngagement.Signal status(OfficerState state, String incident, int seconds) {
        return OfficerEngagement.Signal.of(ResourceTimelineTest.status("O1", state, incident, T.plusSeconds(seconds)));
    }
}
