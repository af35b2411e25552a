package org.bluelight.routing.eta;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.profile.TravelProfile;

/** An officer (or unit) to time to an incident: where they are and how they travel. */
public record Origin(String id, GeoPoint position, TravelProfile profile) {

    public Origin {
        if (id == null || position == null || profile == null)
            throw new IllegalArgumentException("origin needs an id, a position and a profile");
    }
}
