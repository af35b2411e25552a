package org.bluelight.routing.profile;

import com.graphhopper.json.Statement;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.util.CustomModel;
import org.bluelight.routing.traffic.TrafficBand;
import org.bluelight.routing.traffic.TrafficTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.graphhopper.json.Statement.Op.ADD;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

/**
 * Builds the GraphHopper custom model for a speed model in a traffic band. Priority is only 0 (no access) or 1
 * and distance influence is 0, so an edge's weight is exactly its travel time in seconds: the quickest route is
 * the one with the least weight, as the officer-selection paper's edge cost is time.
 */
public final class CustomModels {

    /** Encoded values the import must store for these models. */
    public static final String ENCODED_VALUES = "car_access, car_average_speed, road_class, road_class_link, "
            + "road_environment, road_access, max_speed, urban_density, roundabout, "
            + "foot_access, foot_average_speed, foot_priority, bike_access, bike_average_speed, bike_priority";

    private static final String URBAN = "urban_density != RURAL";
    /** GraphHopper stores a missing maxspeed as infinity; "none" is 150. */
    private static final String HAS_LIMIT = "max_speed < 200";

    private final SpeedTable speeds;
    private final TrafficTable traffic;

    public CustomModels(SpeedTable speeds, TrafficTable traffic) {
        this.speeds = speeds;
        this.traffic = traffic;
    }

    public CustomModel model(TravelProfile.SpeedModelKey key, TrafficBand band) {
        return switch (key.transport()) {
            case FOOT -> pathModel("foot");
            case BICYCLE -> pathModel("bike");
            case CAR, VAN, MOTORCYCLE -> roadModel(key, band);
        };
    }

    private static CustomModel pathModel(String vehicle) {
        CustomModel model = new CustomModel().setDistanceInfluence(0d);
        model.addToPriority(Statement.If("!" + vehicle + "_access", MULTIPLY, "0"));
        model.addToSpeed(Statement.If("true", LIMIT, vehicle + "_average_speed"));
        return model;
    }

    private CustomModel roadModel(TravelProfile.SpeedModelKey key, TrafficBand band) {
        CustomModel model = new CustomModel().setDistanceInfluence(0d);
        model.addToPriority(Statement.If("!car_access", MULTIPLY, "0"));

        double topSpeed = 0;
        for (RoadClass roadClass : RoadClass.values())
            topSpeed = Math.max(topSpeed, speeds.forClass(roadClass).emergencyCapMph());
        model.addToSpeed(Statement.If("true", LIMIT, kmh(topSpeed)));

        // The speed limit: the tagged maxspeed, else the UK default for the road class and area.
        model.addToSpeed(Statement.If(HAS_LIMIT, LIMIT, "max_speed"));
        model.addToSpeed(Statement.Else(ukDefaultLimits()));

        if (key.transport() == Transport.VAN)
            for (RoadClass roadClass : RoadClass.values())
                if (speeds.forClass(roadClass).vanMaxMph() > 0)
                    model.addToSpeed(Statement.If(is(roadClass), LIMIT, kmh(speeds.forClass(roadClass).vanMaxMph())));

        if (key.emergency()) {
            model.addToSpeed(Statement.If("true", ADD, kmh(speeds.emergencyExtraMph())));
            for (RoadClass roadClass : RoadClass.values())
                model.addToSpeed(Statement.If(is(roadClass), LIMIT, kmh(speeds.forClass(roadClass).emergencyCapMph())));
        }

        for (RoadClass roadClass : RoadClass.values()) {
            double factor = speeds.forClass(roadClass).roadTypeFactor();
            if (factor != 1)
                model.addToSpeed(Statement.If(is(roadClass), MULTIPLY, number(factor)));
        }

        for (RoadClass roadClass : RoadClass.values()) {
            double urban = traffic.speedFactor(band, roadClass, true, key.emergency());
            double rural = traffic.speedFactor(band, roadClass, false, key.emergency());
            if (urban != 1)
                model.addToSpeed(Statement.If(is(roadClass) + " && " + URBAN, MULTIPLY, number(urban)));
            if (rural != 1)
                model.addToSpeed(Statement.If(is(roadClass) + " && !(" + URBAN + ")", MULTIPLY, number(rural)));
        }
        return model;
    }

    private List<Statement> ukDefaultLimits() {
        List<Statement> limits = new ArrayList<>();
        for (RoadClass roadClass : RoadClass.values()) {
            RoadClassSpeeds s = speeds.forClass(roadClass);
            limits.add(Statement.If(is(roadClass) + " && " + URBAN, LIMIT, kmh(s.defaultUrbanMph())));
            limits.add(Statement.If(is(roadClass) + " && !(" + URBAN + ")", LIMIT, kmh(s.defaultRuralMph())));
        }
        return limits;
    }

    private static String is(RoadClass roadClass) {
        return "road_class == " + roadClass.name();
    }

    private static String kmh(double mph) {
        return number(mph * SpeedTable.KMH_PER_MPH);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
