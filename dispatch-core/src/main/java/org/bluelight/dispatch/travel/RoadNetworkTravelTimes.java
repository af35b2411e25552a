package org.bluelight.dispatch.travel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaFailure;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;

/** {@link TravelTimes} over the real road network: one many-to-one ETA search per call. */
public final class RoadNetworkTravelTimes implements TravelTimes {

    private final RoadNetwork network;

    public RoadNetworkTravelTimes(RoadNetwork network) {
        this.network = network;
    }

    @Override
    public Map<String, TravelTime> toTarget(GeoPoint target, List<Journey> journeys, Instant departure) {
        Map<String, TravelTime> times = new LinkedHashMap<>();
        List<Origin> origins = new ArrayList<>(journeys.size());
        for (Journey journey : journeys) {
            try {
                origins.add(new Origin(journey.id(), journey.from(), profile(journey.mode())));
            } catch (RoutingException e) {
                times.put(journey.id(), new TravelTime.Unreachable(e.getMessage()));
            }
        }
        if (origins.isEmpty()) {
            return times;
        }
        try {
            for (EtaResult result : network.etaTo(target, origins, departure)) {
                if (result instanceof Eta eta) {
                    times.put(eta.originId(), new TravelTime.Reached(eta.etaSeconds(), eta.distanceMeters()));
                } else if (result instanceof EtaFailure failure) {
                    times.put(failure.originId(), new TravelTime.Unreachable(failure.error().getMessage()));
                }
            }
        } catch (RoutingException e) {
            // The target itself cannot be routed: nobody can get there.
            origins.forEach(origin -> times.put(origin.id(), new TravelTime.Unreachable(e.getMessage())));
        }
        return times;
    }

    static TravelProfile profile(TravelMode mode) {
        Transport transport = Transport.valueOf(mode.transport().name());
        DrivingStandard standard = mode.emergency() ? DrivingStandard.valueOf(mode.drivingStandard().name()) : DrivingStandard.BASIC;
        return new TravelProfile(transport, standard, mode.emergency());
    }
}
