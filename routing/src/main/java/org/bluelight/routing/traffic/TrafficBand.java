package org.bluelight.routing.traffic;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A recurring period of the week with its own predicted traffic, e.g. weekday morning peak.
 *
 * @param name    stable name, also used to cache the band's weightings
 * @param days    the days it recurs on
 * @param from    local start time (inclusive)
 * @param to      local end time (exclusive), after {@code from}
 * @param factors speed factors per road class; roads not matched keep their normal speed
 */
public record TrafficBand(String name, Set<DayOfWeek> days, LocalTime from, LocalTime to, List<TrafficFactor> factors) {

    /** The band used when no configured band covers a departure: free-flowing roads. */
    public static final TrafficBand FREE_FLOW = new TrafficBand("free-flow", Set.of(DayOfWeek.values()),
            LocalTime.MIN, LocalTime.MAX, List.of());

    public TrafficBand {
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("a traffic band needs a name");
        if (days == null || days.isEmpty())
            throw new IllegalArgumentException("traffic band " + name + " needs at least one day");
        if (from == null || to == null || !from.isBefore(to))
            throw new IllegalArgumentException("traffic band " + name + " needs from < to (no wrap past midnight)");
        days = Set.copyOf(days);
        factors = List.copyOf(factors == null ? List.of() : factors);
    }

    public boolean covers(DayOfWeek day, LocalTime time) {
        return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
    }

    /** The speed factor for a road, 1 when no factor of this band matches it (the first match wins). */
    public double speedFactor(com.graphhopper.routing.ev.RoadClass roadClass, boolean urban) {
        for (TrafficFactor factor : factors)
            if (factor.appliesTo(roadClass, urban))
                return factor.speedFactor();
        return 1.0;
    }
}
