package org.bluelight.routing.network;

import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.ev.TurnRestriction;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.weighting.DefaultTurnCostProvider;
import com.graphhopper.routing.weighting.TurnCostProvider;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.routing.weighting.custom.CustomModelParser;
import com.graphhopper.routing.weighting.custom.CustomWeighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.TurnCostsConfig;
import org.bluelight.routing.profile.CustomModels;
import org.bluelight.routing.search.Adjacency;
import org.bluelight.routing.search.EdgeCosts;
import org.bluelight.routing.search.Landmarks;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.traffic.TrafficBand;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One weighting per speed model and traffic band, built on first use and kept: the weighting depends on the
 * departure's band, so no preparation (CH) fixes it; building one costs a pass over the edges. Speed models and bands
 * whose custom models are the same (every band on foot; the morning and evening peaks; cars and motorcycles) share one
 * weighting, its edge costs and its landmarks.
 */
final class ProfileWeightings {

    /** Enough landmarks that one lies roughly behind any origin as seen from any target. */
    private static final int LANDMARKS = 8;

    private record Key(TravelProfile.SpeedModelKey speedModel, String band) {
    }

    /** What a weighting is built from: the graph's vehicle and the model's content. */
    private record Content(String vehicle, String model) {
    }

    private record Built(Weighting weighting, EdgeCosts costs, EdgeFilter snapFilter) {
    }

    private final BaseGraph graph;
    private final Adjacency adjacency;
    private final EncodingManager encodingManager;
    private final CustomModels models;
    private final int uTurnCostSeconds;
    private final Map<Key, ProfileWeighting> cache = new ConcurrentHashMap<>();
    private final Map<Content, Built> built = new ConcurrentHashMap<>();
    /** By the free-flow edge costs they were measured on (identity: one object per content). */
    private final Map<EdgeCosts, Landmarks> landmarks = new ConcurrentHashMap<>();
    private final Map<Key, Optional<Landmarks>> landmarksByBand = new ConcurrentHashMap<>();

    ProfileWeightings(BaseGraph graph, Adjacency adjacency, EncodingManager encodingManager, CustomModels models,
                      int uTurnCostSeconds) {
        this.graph = graph;
        this.adjacency = adjacency;
        this.encodingManager = encodingManager;
        this.models = models;
        this.uTurnCostSeconds = uTurnCostSeconds;
    }

    ProfileWeighting get(TravelProfile profile, TrafficBand band) {
        return cache.computeIfAbsent(new Key(profile.speedModel(), band.name()), key -> create(key.speedModel(), band));
    }

    /**
     * The speed model's landmarks, chosen and measured on first use over its free-flow costs, when no edge weighs less
     * in this band (traffic only slows roads down, so they hold for every band unless a model says otherwise); else null.
     */
    Landmarks landmarks(TravelProfile profile, TrafficBand band) {
        Key key = new Key(profile.speedModel(), band.name());
        Optional<Landmarks> known = landmarksByBand.get(key);
        if (known == null) {
            ProfileWeighting floor = get(profile, TrafficBand.FREE_FLOW);
            Landmarks chosen = landmarks.computeIfAbsent(floor.costs(), costs -> new Landmarks(adjacency, costs, LANDMARKS));
            known = Optional.ofNullable(chosen.bound(get(profile, band).costs()) ? chosen : null);
            landmarksByBand.put(key, known);
        }
        return known.orElse(null);
    }

    private ProfileWeighting create(TravelProfile.SpeedModelKey speedModel, TrafficBand band) {
        CustomModel model = models.model(speedModel, band);
        String vehicle = switch (speedModel.transport()) {
            case FOOT -> GraphImport.FOOT;
            case BICYCLE -> GraphImport.BIKE;
            case CAR, VAN, MOTORCYCLE -> GraphImport.CAR;
        };
        Built shared = built.computeIfAbsent(new Content(vehicle, model.toString()), content -> build(vehicle, model));
        return new ProfileWeighting(shared.weighting(), shared.costs(), shared.snapFilter(), band,
                hierarchyName(vehicle, speedModel.emergency(), model));
    }

    private Built build(String vehicle, CustomModel model) {
        CustomWeighting.Parameters parameters = CustomModelParser.createWeightingParameters(model, encodingManager);
        TurnCostProvider turnCosts = TurnCostProvider.NO_TURN_COST_PROVIDER;
        if (vehicle.equals(GraphImport.CAR)) {
            BooleanEncodedValue restrictions = encodingManager.getTurnBooleanEncodedValue(TurnRestriction.key(GraphImport.CAR));
            turnCosts = new DefaultTurnCostProvider(restrictions, graph,
                    new TurnCostsConfig(GraphImport.MOTOR_VEHICLE_TYPES, uTurnCostSeconds), parameters.getTurnPenaltyMapping());
        }
        CustomWeighting weighting = new CustomWeighting(turnCosts, parameters);
        BooleanEncodedValue subnetwork = encodingManager.getBooleanEncodedValue(Subnetwork.key(vehicle));
        return new Built(weighting, new EdgeCosts(adjacency, graph, weighting), new DefaultSnapFilter(weighting, subnetwork));
    }

    /**
     * e.g. {@code car_emergency_1a2b3c4d}, lower case as GraphHopper's storage names must be. Named by content, not
     * by band or transport: bands whose factors give the same weights (morning and evening peak; every band on foot),
     * and cars and motorcycles (GraphHopper's car with the same model), share one.
     */
    private String hierarchyName(String vehicle, boolean emergency, CustomModel model) {
        String content = model + "|uturn=" + uTurnCostSeconds;
        return (vehicle + (emergency ? "_emergency" : "")).toLowerCase(Locale.ROOT)
                + "_" + HexFormat.of().toHexDigits(content.hashCode());
    }
}
