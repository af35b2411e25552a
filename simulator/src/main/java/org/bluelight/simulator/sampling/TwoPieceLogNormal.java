package org.bluelight.simulator.sampling;

import java.time.Duration;
import java.util.SplittableRandom;
import org.bluelight.simulator.scenario.MinutesDistribution;

/**
 * Draws durations whose median, 10% and 90% quantiles are exactly the configured ones: a lognormal with one
 * spread below the median and another above (time on scene is skewed further than one lognormal fits).
 */
public final class TwoPieceLogNormal {

    /** The 90% quantile of the standard normal distribution. */
    static final double Z90 = 1.2815515655446004;

    private final double logMedian;
    private final double sigmaBelow;
    private final double sigmaAbove;
    private final double maxMinutes;

    public TwoPieceLogNormal(MinutesDistribution d) {
        logMedian = Math.log(d.medianMinutes());
        sigmaBelow = (logMedian - Math.log(d.p10Minutes())) / Z90;
        sigmaAbove = (Math.log(d.p90Minutes()) - logMedian) / Z90;
        maxMinutes = d.maxMinutes();
    }

    public double drawMinutes(SplittableRandom random) {
        double z = Gaussian.next(random);
        // Cut rather than redraw, so the quantiles below the cap stay exact.
        return Math.min(maxMinutes, Math.exp(logMedian + z * (z < 0 ? sigmaBelow : sigmaAbove)));
    }

    public Duration draw(SplittableRandom random) {
        return Duration.ofMillis(Math.round(drawMinutes(random) * 60_000));
    }
}
