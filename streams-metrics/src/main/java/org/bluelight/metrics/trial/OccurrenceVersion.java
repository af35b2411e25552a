package org.bluelight.metrics.trial;

import java.time.Instant;

/**
 * The latest version of an incident or crime record, already placed and classified, on its way
 * to the {@link ContributionLedger}.
 *
 * @param crime true for a crime record, false for an incident
 * @param incidentId the incident (the record itself, or the one a crime came from; may be null for a crime)
 * @param contribution what it counts in now, null when nothing (cancelled, outside every hot spot)
 * @param source the input partition it was read from (see {@code SourceWatermarks}); null until stamped, and in
 *               versions written before it was kept
 */
public record OccurrenceVersion(boolean crime, String recordId, String incidentId, Contribution contribution, Instant at,
                                String source) {

    public OccurrenceVersion(boolean crime, String recordId, String incidentId, Contribution contribution, Instant at) {
        this(crime, recordId, incidentId, contribution, at, null);
    }

    public OccurrenceVersion from(String inputPartition) {
        return new OccurrenceVersion(crime, recordId, incidentId, contribution, at, inputPartition);
    }

    /** Partition key: a crime from an incident must meet that incident's ledger entry. */
    public String occurrenceKey() {
        return incidentId != null ? incidentId : "crime:" + recordId;
    }
}
