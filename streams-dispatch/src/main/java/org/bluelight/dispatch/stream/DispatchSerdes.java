package org.bluelight.dispatch.stream;

import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;

/** The value serdes of every contract topic dispatch reads or writes (keys are plain strings). */
public record DispatchSerdes(
        Serde<IncidentEvent> incidents,
        Serde<Assignment> assignments,
        Serde<OfficerStatus> officerStatus,
        Serde<PositionFix> telematics,
        Serde<OfficerCoverageImpact> officerImpact,
        Serde<Recommendation> recommendations,
        Serde<BacklogSnapshot> backlog) {

    /** The registry-backed Avro serdes of the running app. */
    public static DispatchSerdes from(AppSerdes serdes) {
        return new DispatchSerdes(
                serdes.valueSerde(Topic.INCIDENTS, IncidentEvent.class),
                serdes.valueSerde(Topic.ASSIGNMENTS, Assignment.class),
                serdes.valueSerde(Topic.OFFICER_STATUS, OfficerStatus.class),
                serdes.valueSerde(Topic.TELEMATICS, PositionFix.class),
                serdes.valueSerde(Topic.OFFICER_IMPACT, OfficerCoverageImpact.class),
                serdes.valueSerde(Topic.RECOMMENDATIONS, Recommendation.class),
                serdes.valueSerde(Topic.BACKLOG, BacklogSnapshot.class));
    }
}
