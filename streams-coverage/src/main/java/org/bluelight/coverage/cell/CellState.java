package org.bluelight.coverage.cell;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one cell knows: the on-duty officers who can reach it (each with whether they are
 * available), the grade 1–2 incidents reported in it within the demand window, and its current
 * demand per hour.
 */
public record CellState(Map<String, Boolean> officers, Map<String, Instant> incidents, double demandPerHour) {

    private static final CellState EMPTY = new CellState(Map.of(), Map.of(), 0);

    public CellState {
        officers = Map.copyOf(officers);
        incidents = Map.copyOf(incidents);
    }

    public static CellState empty() {
        return EMPTY;
    }

    public CellState apply(CellDelta delta) {
        Map<String, Boolean> next = new HashMap<>(officers);
        if (delta.reachChange() < 0) {
            next.remove(delta.officerId());
        } else {
            next.put(delta.officerId(), delta.available());
        }
        return new CellState(next, incidents, demandPerHour);
    }

    public CellState apply(CellIncident incident) {
        Map<String, Instant> next = new HashMap<>(incidents);
        if (incident.counted()) {
            next.put(incident.incidentId(), incident.reportedAt());
        } else {
            next.remove(incident.incidentId());
        }
        return new CellState(officers, next, demandPerHour);
    }

    /** Forgets incidents reported before {@code windowStart}: they no longer weigh on demand. */
    public CellState trimmedTo(Instant windowStart) {
        if (incidents.values().stream().noneMatch(reported -> reported.isBefore(windowStart))) {
            return this;
        }
        Map<String, Instant> next = new HashMap<>(incidents);
        next.values().removeIf(reported -> reported.isBefore(windowStart));
        return new CellState(officers, next, demandPerHour);
    }

    public CellState withDemand(double demand) {
        return new CellState(officers, incidents, demand);
    }

    public int officersInReach() {
        return officers.size();
    }

    public int availableInReach() {
        return (int) officers.values().stream().filter(Boolean::booleanValue).count();
    }

    /** The officer who is the only cover of this cell while it has demand, if there is one. */
    public Optional<String> soleCover() {
        if (demandPerHour <= 0 || officers.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(officers.keySet().iterator().next());
    }

    /** Nothing left worth keeping: nobody in reach, no incidents in the window, no demand. */
    public boolean isEmpty() {
        return officers.isEmpty() && incidents.isEmpty() && demandPerHour <= 0;
    }
}
