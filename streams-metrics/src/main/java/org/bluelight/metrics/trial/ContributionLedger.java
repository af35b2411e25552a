package org.bluelight.metrics.trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps, per source record, what it last contributed to the trial counts, so that a late record
 * lands on its own trial day, a recategorised record moves between outcomes, a cancelled record
 * leaves the counts, and nothing counts twice.
 *
 * <p>An incident and the crime records raised from it describe the same occurrence: once a crime
 * record names an incident, the incident's own contribution is withdrawn for good and the crime
 * records speak for it (several crimes from one incident each count).
 */
public final class ContributionLedger {

    /** Where the ledger keeps its entries: a state store in the topology, a map in tests. */
    public interface Store {
        Entry get(String recordKey);

        /** Stores {@code entry} in place of {@code previous} (null when there was none), as read by {@link #get}. */
        void put(String recordKey, Entry previous, Entry entry);

        /** Deletes {@code previous}, as read by {@link #get}. */
        void delete(String recordKey, Entry previous);
    }

    /**
     * What a record last contributed ({@code null} when nothing), whether a crime record has
     * taken over from it, and when it last changed.
     */
    public record Entry(Contribution contribution, boolean superseded, Instant lastChange) {

        /**
         * True once nothing this entry guards can still change: its last version and the end of its
         * trial day are both before {@code cutoff}.
         */
        public boolean expiredBefore(Instant cutoff, TrialDayClock clock) {
            return keptUntil(clock) < cutoff.toEpochMilli();
        }

        /**
         * The time (epoch millis) until which this entry can still matter: the later of its last version and the end
         * of its trial day; {@link Long#MIN_VALUE} when it has neither.
         */
        public long keptUntil(TrialDayClock clock) {
            long last = lastChange == null ? Long.MIN_VALUE : lastChange.toEpochMilli();
            return contribution == null ? last : Math.max(last, clock.endOf(contribution.trialDay()).toEpochMilli());
        }
    }

    private final Store store;

    public ContributionLedger(Store store) {
        this.store = store;
    }

    /** An incident's latest version; {@code contribution} is null when it now counts nowhere (e.g. cancelled). */
    public List<HotSpotDayChange> incident(String incidentId, Contribution contribution, Instant at) {
        String key = incidentKey(incidentId);
        Entry entry = store.get(key);
        if (entry != null && entry.superseded()) {
            return List.of();
        }
        Contribution previous = entry == null ? null : entry.contribution();
        keep(key, entry, contribution, at);
        return changes(previous, contribution, at);
    }

    /** A crime record's latest version; {@code incidentId} is the incident it came from, if any. */
    public List<HotSpotDayChange> crime(String crimeId, String incidentId, Contribution contribution, Instant at) {
        List<HotSpotDayChange> changes = new ArrayList<>();
        if (incidentId != null) {
            String key = incidentKey(incidentId);
            Entry incident = store.get(key);
            if (incident == null || !incident.superseded()) {
                changes.addAll(changes(incident == null ? null : incident.contribution(), null, at));
                store.put(key, incident, new Entry(null, true, at));
            }
        }
        String key = "crime:" + crimeId;
        Entry entry = store.get(key);
        Contribution previous = entry == null ? null : entry.contribution();
        keep(key, entry, contribution, at);
        changes.addAll(changes(previous, contribution, at));
        return changes;
    }

    /**
     * Keeps a record's contribution. A record that counts nowhere and is not taken over reads as one never seen, so it
     * keeps no entry: most incidents and crimes lie outside every hot spot, and a replay wrote (and purged) an entry for
     * each. Entries of earlier versions that count nowhere still read as before.
     */
    private void keep(String key, Entry entry, Contribution contribution, Instant at) {
        if (contribution != null) {
            store.put(key, entry, new Entry(contribution, false, at));
        } else if (entry != null) {
            store.delete(key, entry);
        }
    }

    private static String incidentKey(String incidentId) {
        return "incident:" + incidentId;
    }

    private static List<HotSpotDayChange> changes(Contribution previous, Contribution next, Instant at) {
        if (java.util.Objects.equals(previous, next)) {
            return List.of();
        }
        List<HotSpotDayChange> changes = new ArrayList<>();
        if (previous != null && !previous.isEmpty()) {
            previous.hotSpotIds().forEach(id ->
                    changes.add(HotSpotDayChange.counts(id, previous.trialDay(), previous.outcomes(), -1, at)));
        }
        if (next != null && !next.isEmpty()) {
            next.hotSpotIds().forEach(id ->
                    changes.add(HotSpotDayChange.counts(id, next.trialDay(), next.outcomes(), +1, at)));
        }
        return changes;
    }
}
