package org.bluelight.metrics.trial;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;

/**
 * Turns each incident and crime record into its latest {@link OccurrenceVersion}: placed in the hot
 * spots whose patrol areas contain it, on the trial day it happened, classified by outcome. A
 * cancelled record, or one without a location, contributes nothing (so the ledger withdraws
 * whatever its earlier version counted).
 */
public final class OccurrencePlacer {

    /** The hot spots whose patrol areas contain a point (the live hot-spot catalogue in the app). */
    @FunctionalInterface
    public interface HotSpotsAt {
        Set<String> at(double lat, double lon);
    }

    private final HotSpotsAt hotSpots;
    private final TrialDayClock clock;

    public OccurrencePlacer(HotSpotsAt hotSpots, TrialDayClock clock) {
        this.hotSpots = hotSpots;
        this.clock = clock;
    }

    /** An incident counts on the trial day it was reported; its version time is when it occurred. */
    public OccurrenceVersion place(IncidentEvent incident) {
        Contribution contribution = incident.getEventType() == IncidentEventType.CANCELLED
                ? null : contribution(incident.getLocation(), incident.getReportedAt(), CrimeFacts.of(incident));
        return new OccurrenceVersion(false, incident.getIncidentId(), incident.getIncidentId(), contribution, incident.getOccurredAt());
    }

    /** A crime record counts on the trial day the crime was committed; its version time is when it was recorded. */
    public OccurrenceVersion place(CrimeRecord crime) {
        Contribution contribution = crime.getCancelled()
                ? null : contribution(crime.getLocation(), crime.getCommittedAt(), CrimeFacts.of(crime));
        return new OccurrenceVersion(true, crime.getCrimeId(), crime.getIncidentId(), contribution, crime.getRecordedAt());
    }

    private Contribution contribution(GeoPoint location, Instant occurredAt, CrimeFacts facts) {
        if (location == null) {
            return null;
        }
        return new Contribution(List.copyOf(hotSpots.at(location.getLat(), location.getLon())), clock.trialDayOf(occurredAt),
                OutcomeClassifier.classify(facts));
    }
}
