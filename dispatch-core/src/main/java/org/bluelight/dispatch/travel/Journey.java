package org.bluelight.dispatch.travel;

import org.bluelight.routing.GeoPoint;

/** One unit's trip to the incident: who, from where, how. */
public record Journey(String id, GeoPoint from, TravelMode mode) {
}
