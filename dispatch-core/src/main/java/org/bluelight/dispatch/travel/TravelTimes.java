package org.bluelight.dispatch.travel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.routing.GeoPoint;

/**
 * Road travel times from many units to one incident: the port the recommendation rules use, so
 * they can run over the real road network, a simulator's model, or a test's fixed table.
 */
@FunctionalInterface
public interface TravelTimes {

    /** A result for every journey, keyed by journey id. */
    Map<String, TravelTime> toTarget(GeoPoint target, List<Journey> journeys, Instant departure);
}
