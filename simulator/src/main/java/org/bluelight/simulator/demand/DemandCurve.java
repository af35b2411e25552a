package org.bluelight.simulator.demand;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bluelight.simulator.scenario.DemandSpec;

/**
 * Expected incidents per hour at any time: the weekly volume spread over the 168 hours of the week in proportion
 * to hour-of-day weight times day-of-week weight (local time).
 */
public final class DemandCurve {

    private final double[] perHourOfWeek = new double[168];
    private final ZoneId zone;

    public DemandCurve(DemandSpec demand, ZoneId zone) {
        this.zone = zone;
        List<Double> hours = demand.hourOfDay();
        List<Double> days = demand.dayOfWeek();
        double total = 0;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                total += hours.get(h) * days.get(d);
            }
        }
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                perHourOfWeek[d * 24 + h] = demand.incidentsPerWeek() * hours.get(h) * days.get(d) / total;
            }
        }
    }

    /** Expected incidents in the local clock hour containing {@code t}. */
    public double perHourAt(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return perHourOfWeek[(local.getDayOfWeek().getValue() - 1) * 24 + local.getHour()];
    }

    /** The {@code count} local hours of the day with the highest demand weight, in hour order. */
    public static Set<Integer> busiestHours(DemandSpec demand, int count) {
        List<Double> hours = demand.hourOfDay();
        return IntStream.range(0, 24).boxed()
                .sorted(Comparator.comparingDouble((Integer h) -> -hours.get(h)).thenComparing(h -> h))
                .limit(count).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The configured hourly shape as shares of a day (24 values summing to 1), for comparison. */
    public static double[] hourShares(DemandSpec demand) {
        double[] shares = new double[24];
        double total = demand.hourOfDay().stream().mapToDouble(Double::doubleValue).sum();
        for (int h = 0; h < 24; h++) {
            shares[h] = demand.hourOfDay().get(h) / total;
        }
        return shares;
    }
}
