package org.bluelight.simulator.scenario;

import org.bluelight.routing.GeoPoint;

/** A custody suite, where a double crew takes an arrested person. */
public record CustodySuiteSpec(String id, GeoPoint location) {

    public CustodySuiteSpec {
        ScenarioException.require(id != null && !id.isBlank(), "a custody suite needs an id");
        ScenarioException.require(location != null, "custody suite " + id + " needs a location");
    }
}
