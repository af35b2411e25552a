package org.bluelight.simulator.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.bluelight.simulator.scenario.MinutesDistribution;
import org.junit.jupiter.api.Test;

class TwoPieceLogNormalTest {

    @Test
    void drawsMeetTheConfiguredQuantiles() {
        TwoPieceLogNormal distribution = new TwoPieceLogNormal(new MinutesDistribution(75, 12, 265, 720));
        SplittableRandom random = new SplittableRandom(1);
        double[] draws = new double[100_000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = distribution.drawMinutes(random);
        }
        Arrays.sort(draws);
        assertThat(draws[draws.length / 10]).isCloseTo(12, within(0.6));
        assertThat(draws[draws.length / 2]).isCloseTo(75, within(2.0));
        assertThat(draws[draws.length * 9 / 10]).isCloseTo(265, within(8.0));
        assertThat(draws[draws.length - 1]).isLessThanOrEqualTo(720);
    }
}
