package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.traffic.TrafficTable;

/**
 * Road travel times remembered per origin, target, travel mode and traffic band. Simulated units stand at a
 * limited set of places (stations, patrol points, incidents, custody suites), and backlogged incidents are
 * re-evaluated many times, so most questions repeat; misses go to the road network in one many-to-one search.
 */
public final class CachedTravelTimes implements TravelTimes {

    private record Key(GeoPoint from, GeoPoint to, TravelMode mode, String band) {
    }

    private final TravelTimes roads;
    private final TrafficTable traffic;
    private final Map<Key, TravelTime> cache;
    private long hits;
    private long misses;

    public CachedTravelTimes(TravelTimes roads, TrafficTable traffic, int capacity) {
        this.roads = roads;
        this.traffic = traffic;
        this.cache = new LinkedHashMap<>(1 << 16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, TravelTime> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Map<String, TravelTime> toTarget(GeoPoint target, List<Journey> journeys, Instant departure) {
        String band = traffic.bandAt(departure).name();
        Map<String, TravelTime> times = new LinkedHashMap<>();
        List<Journey> unknown = new ArrayList<>();
        for (Journey journey : journeys) {
            TravelTime known = cache.get(new Key(journey.from(), target, journey.mode(), band));
            if (known != null) {
                times.put(journey.id(), known);
                hits++;
            } else {
                unknown.add(journey);
            }
        }
        if (!unknown.isEmpty()) {
            misses += unknown.size();
            Map<String, TravelTime> found = roads.toTarget(target, unknown, departure);
            for (Journey journey : unknown) {
                TravelTime time = found.get(journey.id());
                if (time != null) {
                    cache.put(new Key(journey.from(), target, journey.mode(), band), time);
                    times.put(journey.id(), time);
                }
            }
        }
        return times;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }
}
