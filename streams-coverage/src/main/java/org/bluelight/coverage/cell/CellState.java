package org.bluelight.coverage.cell;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one cell knows: how many on-duty officers can reach it and how many of them are available,
 * who the one officer is while there is exactly one, the grade 1–2 incidents reported in it within
 * the demand window, and its current demand per hour.
 *
 * <p>Which officers are in reach is kept elsewhere (one small entry per cell and officer), so a
 * delta costs the same however many officers reach the cell.
 */
public record CellState(int officersInReach, int availableInReach, String onlyOfficer, Map<String, Instant> incidents,
                        double demandPerHour) {

    private static final CellState EMPTY = new CellState(0, 0, null, Map.of(), 0);

    public CellState {
        if (officersInReach < 0 || availableInReach < 0 || availableInReach > officersInReach) {
            throw new IllegalArgumentException("Inconsistent cell counts: " + officersInReach + " in reach, "
                    + availableInReach + " available");
        }
        if ((onlyOfficer != null) != (officersInReach == 1)) {
            throw new IllegalArgumentException("The only officer is known exactly when one officer is in reach");
        }
        incidents = Map.copyOf(incidents);
    }

    public static CellState empty() {
        return EMPTY;
    }

    /**
     * @param wasAvailable     the officer's availability before the delta while they were in reach,
     *                         null while they were not
     * @param remainingOfficer the one officer left in reach, asked only when the count drops to one
     */
    public CellState apply(CellDelta delta, Boolean wasAvailable, Supplier<String> remainingOfficer) {
        boolean wasInReach = wasAvailable != null;
        int officers = officersInReach;
        int available = availableInReach;
        if (delta.reachChange() < 0) {
            if (!wasInReach) {
                return this;
            }
            officers--;
            available -= wasAvailable ? 1 : 0;
        } else {
            if (wasInReach) {
                available -= wasAvailable ? 1 : 0;
            } else {
                officers++;
            }
            available += delta.available() ? 1 : 0;
        }
        String only = officers != 1 ? null
                : delta.reachChange() < 0 ? Objects.requireNonNull(remainingOfficer.get(), "remaining officer")
                : delta.officerId();
        return new CellState(officers, available, only, incidents, demandPerHour);
    }

    public CellState apply(CellIncident incident) {
        Map<String, Instant> next = new HashMap<>(incidents);
        if (incident.counted()) {
            next.put(incident.incidentId(), incident.reportedAt());
        } else {
            next.remove(incident.incidentId());
        }
        return new CellState(officersInReach, availableInReach, onlyOfficer, next, demandPerHour);
    }

    /** Whether {@code incident} fits in a cell that may hold {@code maxIncidents}: an update or removal always does. */
    public boolean hasRoomFor(CellIncident incident, int maxIncidents) {
        return !incident.counted() || incidents.containsKey(incident.incidentId()) || incidents.size() < maxIncidents;
    }

    /** Forgets incidents reported before {@code windowStart}: they no longer weigh on demand. */
    public CellState trimmedTo(Instant windowStart) {
        if (incidents.values().stream().noneMatch(reported -> reported.isBefore(windowStart))) {
            return this;
        }
        Map<String, Instant> next = new HashMap<>(incidents);
        next.values().removeIf(reported -> reported.isBefore(windowStart));
        return new CellState(officersInReach, availableInReach, onlyOfficer, next, demandPerHour);
    }

    public CellState withDemand(double demand) {
        return new CellState(officersInReach, availableInReach, onlyOfficer, incidents, demand);
    }

    /** The officer who is the only cover of this cell while it has demand, if there is one. */
    public Optional<String> soleCover() {
        return demandPerHour > 0 ? Optional.ofNullable(onlyOfficer) : Optional.empty();
    }

    /** Nothing left worth keeping: nobody in reach, no incidents in the window, no demand. */
    public boolean isEmpty() {
        return officersInReach == 0 && incidents.isEmpty() && demandPerHour <= 0;
    }
}
