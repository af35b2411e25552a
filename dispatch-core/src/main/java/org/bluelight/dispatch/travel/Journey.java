package org.bluelight.dispatch.travel;

import org.bluelight.dispatch.geo.Location;

/** One unit's trip to the incident: who, from where, how. */
public record Journey(String id, Location from, TravelMode mode) {
}
