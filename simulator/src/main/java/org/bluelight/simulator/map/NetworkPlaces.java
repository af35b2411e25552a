package org.bluelight.simulator.map;

import java.util.Optional;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;

/** {@link MapPlaces} on a real road network: snapping to the nearest car road within the network's snap distance. */
public final class NetworkPlaces implements MapPlaces {

    private static final TravelProfile CAR = TravelProfile.basic(Transport.CAR);

    private final RoadNetwork network;

    public NetworkPlaces(RoadNetwork network) {
        this.network = network;
    }

    @Override
    public Optional<GeoPoint> onRoad(GeoPoint point) {
        try {
            GeoPoint snapped = network.snap(point, CAR);
            return Optional.of(snapped);
        } catch (RoutingException e) {
            return Optional.empty();
        }
    }
}
