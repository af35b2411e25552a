package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void sweepsAStoreOncePerTwentyFourthOfItsRetentionButNoMoreOftenThanThePurgeInterval() {
        Retention retention = Retention.defaults();

        assertThat(retention.sweepInterval(Duration.ofDays(120))).isEqualTo(Duration.ofDays(5));
        assertThat(retention.sweepInterval(Duration.ofDays(7))).isEqualTo(Duration.ofHours(7));
        assertThat(retention.sweepInterval(Duration.ofHours(2))).as("a 24th is 5 minutes").isEqualTo(Duration.ofMinutes(10));
        assertThat(retention.sweepInterval(Duration.ZERO)).isEqualTo(Duration.ofMinutes(10));
    }
}
