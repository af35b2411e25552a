package org.bluelight.metrics.response;

import java.time.Instant;
import org.bluelight.schemas.OfficerState;

/**
 * What reaches a dispatch group's KPI tracker: a measured response, or an officer's status change.
 * Exactly one of {@code sample} and {@code officerId} is set.
 *
 * @param source with a sample, the first-arrival task that measured it; null in records written by
 *               versions before the KPI task's sample clock was a {@link SourceWatermarks low watermark}
 * @param watermark with a source, how far all inputs of that task had got when it sent the sample (epoch millis),
 *                  null while it had not heard from all of them
 */
public record GroupInput(ResponseSample sample, String officerId, OfficerState state, Instant changedAt,
                         String source, Long watermark) {

    /** A sample with no source: the KPI task judges it by its own time. */
    public static GroupInput sample(ResponseSample sample) {
        return new GroupInput(sample, null, null, null, null, null);
    }

    public static GroupInput sample(ResponseSample sample, String source, Long watermark) {
        return new GroupInput(sample, null, null, null, source, watermark);
    }

    public static GroupInput status(String officerId, OfficerState state, Instant changedAt) {
        return new GroupInput(null, officerId, state, changedAt, null, null);
    }

    public boolean hasSample() {
        return sample != null;
    }
}
