package org.bluelight.metrics.trial;

import java.time.Instant;

/**
 * The latest version of an incident or crime record, already placed and classified, on its way
 * to the {@link ContributionLedger}.
 *
 * @param crime true for a crime record, false for an incident
 * @param incidentId the incident (the record itself, or the one a crime came from; may be null for a crime)
 * @param contribution what it counts in now, null when nothing (cancelled, outside every hot spot)
 */
public record OccurrenceVersion(boolean crime, String recordId, String incidentId, Contribution contribution, Instant at) {

    /** Partition key: a crime from an incident must meet that incident's ledger entry. */
    public String occurrenceKey() {
        return incidentId != null ? incidentId : "crime:" + recordId;
    }
}
