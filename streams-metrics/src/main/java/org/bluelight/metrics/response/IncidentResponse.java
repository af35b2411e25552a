package org.bluelight.metrics.response;

import java.time.Instant;
import java.util.Optional;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;

/**
 * What the KPI needs of one incident, and whether its response time has been taken. The first
 * arrival is the earliest ON_SCENE status naming the incident; it may arrive before the incident
 * itself (separate topics), so both orders are handled. The response is measured once, with the
 * incident's grade and dispatch group at that moment; cancelled incidents are not measured.
 *
 * @param reportedAt null until the incident has been seen
 */
public record IncidentResponse(Instant reportedAt, Integer grade, String dispatchGroup, boolean cancelled,
                               Instant firstArrivalAt, boolean measured) {

    /** The result of one input: the incident's next state, and a sample or a rejection. */
    public record Step(IncidentResponse state, Optional<ResponseSample> sample, Optional<String> rejection) {
    }

    /** True once the incident was reported (or, unseen, first attended) before {@code cutoff}. */
    public boolean expiredBefore(Instant cutoff) {
        Instant since = keptSince();
        return since == null || since.isBefore(cutoff);
    }

    /** What the state is kept after: the report, or the first arrival while the incident is unseen; null when neither. */
    public Instant keptSince() {
        return reportedAt != null ? reportedAt : firstArrivalAt;
    }

    public static IncidentResponse unseen() {
        return new IncidentResponse(null, null, null, false, null, false);
    }

    public Step onIncident(IncidentEvent event) {
        return onIncident(event.getIncidentId(), event.getReportedAt(), event.getGrade(), event.getDispatchGroup(),
                event.getEventType() == IncidentEventType.CANCELLED);
    }

    /** A version of the incident; a cancellation is final. */
    public Step onIncident(String incidentId, Instant reportedAt, int grade, String dispatchGroup, boolean cancelledNow) {
        IncidentResponse next = new IncidentResponse(reportedAt, grade, dispatchGroup, cancelled || cancelledNow,
                firstArrivalAt, measured);
        return next.measure(incidentId);
    }

    public Step onArrival(String incidentId, Instant arrivedAt) {
        Instant first = firstArrivalAt == null || arrivedAt.isBefore(firstArrivalAt) ? arrivedAt : firstArrivalAt;
        if (measured) {
            // A later-arriving status that is earlier than the measured one cannot re-open the KPI.
            return new Step(new IncidentResponse(reportedAt, grade, dispatchGroup, cancelled, firstArrivalAt, true),
                    Optional.empty(), Optional.empty());
        }
        return new IncidentResponse(reportedAt, grade, dispatchGroup, cancelled, first, false).measure(incidentId);
    }

    private Step measure(String incidentId) {
        if (measured || cancelled || reportedAt == null || firstArrivalAt == null) {
            return new Step(this, Optional.empty(), Optional.empty());
        }
        IncidentResponse done = new IncidentResponse(reportedAt, grade, dispatchGroup, cancelled, firstArrivalAt, true);
        if (dispatchGroup == null) {
            return new Step(done, Optional.empty(), Optional.of("incident " + incidentId + " has no dispatch group"));
        }
        if (firstArrivalAt.isBefore(reportedAt)) {
            return new Step(done, Optional.empty(), Optional.of("incident " + incidentId + " first arrival "
                    + firstArrivalAt + " precedes its report at " + reportedAt));
        }
        return new Step(done, Optional.of(new ResponseSample(incidentId, dispatchGroup, grade, reportedAt, firstArrivalAt)),
                Optional.empty());
    }
}
