package org.bluelight.simulator.scenario;

import org.bluelight.routing.GeoPoint;

/** A place with concentrated demand; its share of the hot-spot demand is its weight over all weights. */
public record HotSpotSpec(String id, GeoPoint centre, double radiusKm, double weight) {

    public HotSpotSpec {
        ScenarioException.require(id != null && !id.isBlank(), "a hot spot needs an id");
        ScenarioException.require(centre != null, "hot spot " + id + " needs a centre");
        ScenarioException.require(radiusKm > 0, "hot spot " + id + " needs a positive radiusKm");
        ScenarioException.require(weight > 0, "hot spot " + id + " needs a positive weight");
    }
}
