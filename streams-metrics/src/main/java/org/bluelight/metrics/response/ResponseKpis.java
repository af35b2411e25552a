package org.bluelight.metrics.response;

import java.util.Optional;
import org.bluelight.schemas.ResponseKpi;

/** The published KPI of one grade window, with its group's officer availability when observed. */
public final class ResponseKpis {

    private ResponseKpis() {
    }

    public static ResponseKpi of(GradeWindow window, int targetSeconds, Optional<GroupAvailability.Means> availability) {
        ResponseStats stats = ResponseStats.of(window.seconds(), targetSeconds);
        return ResponseKpi.newBuilder()
                .setDispatchGroup(window.dispatchGroup())
                .setGrade(window.grade())
                .setWindowSize(window.size())
                .setWindowStart(window.start())
                .setWindowEnd(window.end())
                .setCount(stats.count())
                .setMedianSeconds(stats.medianSeconds())
                .setP90Seconds(stats.p90Seconds())
                .setTargetSeconds(targetSeconds)
                .setOnTargetCount(stats.onTargetCount())
                .setOnTargetShare(stats.onTargetShare())
                .setAvailableOfficersMean(availability.map(GroupAvailability.Means::available).orElse(null))
                .setBusyOfficersMean(availability.map(GroupAvailability.Means::busy).orElse(null))
                .build();
    }
}
