package org.bluelight.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;

/** Travel without a road network: in a straight line at 30 km/h. */
public final class TestTravel {

    public static final TravelTimes STRAIGHT_LINE = (target, journeys, departure) -> {
        Map<String, TravelTime> times = new LinkedHashMap<>();
        for (Journey journey : journeys) {
            double meters = journey.from().metersTo(target);
            times.put(journey.id(), new TravelTime.Reached(meters / (30 / 3.6), meters));
        }
        return times;
    };

    private TestTravel() {
    }
}
