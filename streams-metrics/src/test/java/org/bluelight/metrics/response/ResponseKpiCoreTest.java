package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.KpiWindow;
import org.junit.jupiter.api.Test;

class ResponseKpiCoreTest {

    private static final Instant REPORTED = Instant.parse("2024-05-01T10:00:00Z");

    static IncidentEvent incident(String id, IncidentEventType type, int grade, Instant reportedAt) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(type).setOccurredAt(reportedAt)
                .setReportedAt(reportedAt).setGrade(grade).setCategory(IncidentCategory.PUBLIC_ORDER)
                .setDispatchGroup("RAD1").build();
    }

    @Test
    void medianAndP90InterpolateAndShareOnTargetCountsAtTheTarget() {
        ResponseStats stats = ResponseStats.of(List.of(600.0, 300.0, 900.0, 1200.0), 900);
        assertThat(stats.count()).isEqualTo(4);
        assertThat(stats.medianSeconds()).isEqualTo(750.0);
        assertThat(stats.p90Seconds()).isEqualTo(1110.0);
        assertThat(stats.onTargetCount()).isEqualTo(3);
        assertThat(stats.onTargetShare()).isEqualTo(0.75);
        assertThat(ResponseStats.of(List.of(), 900).medianSeconds()).isNull();
    }

    @Test
    void firstArrivalIsMeasuredOnceWhicheverComesFirst() {
        IncidentResponse.Step reported = IncidentResponse.unseen().onIncident(incident("I1", IncidentEventType.REPORTED, 1, REPORTED));
        assertThat(reported.sample()).isEmpty();
        IncidentResponse.Step arrived = reported.state().onArrival("I1", REPORTED.plusSeconds(480));
        assertThat(arrived.sample()).get().extracting(ResponseSample::seconds).isEqualTo(480.0);
        assertThat(arrived.state().onArrival("I1", REPORTED.plusSeconds(600)).sample()).isEmpty();

        IncidentResponse.Step early = IncidentResponse.unseen().onArrival("I2", REPORTED.plusSeconds(300));
        assertThat(early.sample()).isEmpty();
        assertThat(early.state().onIncident(incident("I2", IncidentEventType.REPORTED, 2, REPORTED)).sample())
                .get().extracting(ResponseSample::grade).isEqualTo(2);
    }

    @Test
    void cancelledIncidentsAreNotMeasuredAndArrivalBeforeReportIsRejected() {
        IncidentResponse cancelled = IncidentResponse.unseen().onIncident(incident("I1", IncidentEventType.CANCELLED, 1, REPORTED)).state();
        assertThat(cancelled.onArrival("I1", REPORTED.plusSeconds(60)).sample()).isEmpty();
        IncidentResponse.Step impossible = IncidentResponse.unseen().onIncident(incident("I3", IncidentEventType.REPORTED, 1, REPORTED))
                .state().onArrival("I3", REPORTED.minusSeconds(60));
        assertThat(impossible.sample()).isEmpty();
        assertThat(impossible.rejection()).get().asString().contains("precedes");
    }

    @Test
    void dailyWindowsFollowLocalMidnightAcrossClockChanges() {
        KpiWindows windows = new KpiWindows(ZoneId.of("Europe/London"));
        KpiWindows.Window summerDay = windows.windowOf(Instant.parse("2024-07-01T23:30:00Z"), KpiWindow.DAY);
        assertThat(summerDay.start()).isEqualTo(Instant.parse("2024-07-01T23:00:00Z"));
        KpiWindows.Window autumnDay = windows.windowOf(Instant.parse("2024-10-27T12:00:00Z"), KpiWindow.DAY);
        assertThat(autumnDay.end().getEpochSecond() - autumnDay.start().getEpochSecond()).isEqualTo(25 * 3600);
        KpiWindows.Window firstOneAm = windows.windowOf(Instant.parse("2024-10-27T00:30:00Z"), KpiWindow.HOUR);
        KpiWindows.Window secondOneAm = windows.windowOf(Instant.parse("2024-10-27T01:30:00Z"), KpiWindow.HOUR);
        assertThat(firstOneAm.start()).isEqualTo(Instant.parse("2024-10-27T00:00:00Z"));
        assertThat(secondOneAm.start()).isEqualTo(Instant.parse("2024-10-27T01:00:00Z"));
    }
}
