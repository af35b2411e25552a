package org.bluelight.metrics.response;

import java.time.Instant;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;

/**
 * An incident version or an officer's arrival, keyed by incident id on the way to the first
 * arrival tracker. Exactly one of {@code reportedAt} (incident) and {@code arrivedAt} (arrival) is set.
 *
 * @param source the input partition it was read from (see {@link SourceWatermarks}); null in records
 *               written by versions before it was kept
 */
public record ResponseInput(String incidentId, Instant reportedAt, Integer grade, String dispatchGroup,
                            boolean cancelled, Instant arrivedAt, String source) {

    public static ResponseInput incident(IncidentEvent incident) {
        return new ResponseInput(incident.getIncidentId(), incident.getReportedAt(), incident.getGrade(),
                incident.getDispatchGroup(), incident.getEventType() == IncidentEventType.CANCELLED, null, null);
    }

    public static ResponseInput arrival(String incidentId, Instant arrivedAt) {
        return new ResponseInput(incidentId, null, null, null, false, arrivedAt, null);
    }

    public ResponseInput from(String inputPartition) {
        return new ResponseInput(incidentId, reportedAt, grade, dispatchGroup, cancelled, arrivedAt, inputPartition);
    }

    public boolean isArrival() {
        return arrivedAt != null;
    }
}
