package org.bluelight.simulator.scenario;

import org.bluelight.routing.GeoPoint;

/**
 * A police station housing response units.
 *
 * @param area  the neighbourhood area it is in (its units' home area)
 * @param units how many response units (call signs) work from it
 */
public record StationSpec(String id, String area, GeoPoint location, int units) {

    public StationSpec {
        ScenarioException.require(id != null && !id.isBlank(), "a station needs an id");
        ScenarioException.require(area != null, "station " + id + " needs an area");
        ScenarioException.require(location != null, "station " + id + " needs a location");
        ScenarioException.require(units >= 0, "station " + id + " needs units >= 0");
    }
}
