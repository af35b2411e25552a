package org.bluelight.routing.traffic;

import com.graphhopper.routing.ev.RoadClass;

import java.util.Set;

/**
 * Predicted traffic on some road classes in one time band: speeds are multiplied by {@code speedFactor}.
 *
 * @param roadClasses the road classes affected
 * @param area        urban roads, rural roads, or both
 * @param speedFactor share of the normal speed achieved, in (0, 1]
 */
public record TrafficFactor(Set<RoadClass> roadClasses, Area area, double speedFactor) {

    public TrafficFactor {
        if (roadClasses == null || roadClasses.isEmpty())
            throw new IllegalArgumentException("a traffic factor needs at least one road class");
        if (area == null)
            throw new IllegalArgumentException("a traffic factor needs an area (URBAN, RURAL or ANY)");
        if (!(speedFactor > 0 && speedFactor <= 1))
            throw new IllegalArgumentException("speedFactor must be in (0, 1], was " + speedFactor);
        roadClasses = Set.copyOf(roadClasses);
    }

    public boolean appliesTo(RoadClass roadClass, boolean urban) {
        return roadClasses.contains(roadClass) && (area == Area.ANY || (area == Area.URBAN) == urban);
    }
}
