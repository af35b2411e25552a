package org.bluelight.dispatch.moveup;

import java.util.Objects;
import org.bluelight.routing.GeoPoint;

/**
 * One cell of the force area as the move-up planner sees it: where it is, how much grade 1–2 demand it has and how
 * many available officers should be able to reach it.
 *
 * @param area the neighbourhood area the cell lies in, or null when not known (no home-area cost then)
 */
public record DemandCell(String cellId, GeoPoint centre, double demandPerHour, int requiredLevel, String area) {

    public DemandCell {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(centre, "centre");
        if (!(demandPerHour >= 0) || requiredLevel < 0) {
            throw new IllegalArgumentException("cell " + cellId + ": demand and required level must not be negative");
        }
    }
}
