package org.bluelight.simulator.scenario;

import org.bluelight.routing.GeoPoint;

/**
 * A neighbourhood area: a disc on the map where background demand falls and its units patrol.
 *
 * @param radiusKm how far from the centre incidents and patrol points are drawn (Gaussian, this is 2 sigma)
 */
public record AreaSpec(String id, GeoPoint centre, double radiusKm) {

    public AreaSpec {
        ScenarioException.require(id != null && !id.isBlank(), "an area needs an id");
        ScenarioException.require(centre != null, "area " + id + " needs a centre");
        ScenarioException.require(radiusKm > 0, "area " + id + " needs a positive radiusKm");
    }
}
