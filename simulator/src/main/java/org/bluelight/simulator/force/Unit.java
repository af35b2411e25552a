package org.bluelight.simulator.force;

import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.bluelight.simulator.scenario.ShiftPattern;

/**
 * A response unit (call sign): a vehicle crewed on its shift pattern.
 *
 * @param home its station's position on the road network
 */
public record Unit(String id, String callSign, String dispatchGroup, String station, String homeArea, GeoPoint home,
                   int crewSize, DrivingStandard drivingStandard, Transport transport, ShiftPattern shiftPattern) {

    public boolean doubleCrewed() {
        return crewSize >= 2;
    }
}
