package org.bluelight.dispatch.patrol;

import java.util.Objects;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.TrialArm;

/**
 * A hot spot on one trial day as the patrol tasker sees it.
 *
 * @param weight its share of the crime the patrol is meant to prevent (any positive scale)
 * @param arm    today's allocation; only treatment hot spots are ever tasked
 */
public record TrialHotSpot(String hotSpotId, GeoPoint centre, double weight, TrialArm arm) {

    public TrialHotSpot {
        Objects.requireNonNull(hotSpotId, "hotSpotId");
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(arm, "arm");
        if (!(weight > 0)) {
            throw new IllegalArgumentException("hot spot " + hotSpotId + " needs a positive weight");
        }
    }
}
