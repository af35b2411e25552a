package org.bluelight.simulator.scenario;

/**
 * A duration given by its median and its 10% and 90% quantiles, e.g. time on scene (West Midlands: median 75,
 * 10-90% 12-265 minutes). Sampled as a two-piece lognormal, which meets all three quantiles exactly.
 *
 * @param maxMinutes longest value drawn (a longer draw is cut to it)
 */
public record MinutesDistribution(double medianMinutes, double p10Minutes, double p90Minutes, double maxMinutes) {

    public MinutesDistribution {
        ScenarioException.require(p10Minutes > 0 && p10Minutes < medianMinutes && medianMinutes < p90Minutes,
                "a minutes distribution needs 0 < p10 < median < p90, got " + p10Minutes + " / " + medianMinutes + " / " + p90Minutes);
        ScenarioException.require(maxMinutes > p90Minutes, "maxMinutes must exceed p90Minutes");
    }
}
