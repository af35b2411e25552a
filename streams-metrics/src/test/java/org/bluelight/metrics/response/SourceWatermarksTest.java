package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceWatermarksTest {

    @Test
    void isEmptyBeforeAnySourceReports() {
        assertThat(new SourceWatermarks(0).low()).isEmpty();
    }

    @Test
    void isTheLeastOfEachSourcesLatestTime() {
        SourceWatermarks watermarks = new SourceWatermarks(0);
        watermarks.report("a", 100);
        watermarks.report("b", 40);
        watermarks.report("a", 900);

        assertThat(watermarks.low()).hasValue(40);
        watermarks.report("b", 500);
        assertThat(watermarks.low()).as("the lagging source caught up").hasValue(500);
    }

    @Test
    void aSourceThatReportsALowerTimeLowersTheWatermark() {
        SourceWatermarks watermarks = new SourceWatermarks(0);
        watermarks.report("a", 100);
        watermarks.report("a", 60);

        assertThat(watermarks.low()).hasValue(60);
    }

    @Test
    void knowsNothingUntilEveryExpectedSourceReportedAKnownTime() {
        SourceWatermarks watermarks = new SourceWatermarks(3);
        watermarks.report("a", 900);
        watermarks.report("b", 800);

        assertThat(watermarks.low()).as("c, not yet seen, may be far behind").isEmpty();
        watermarks.report("c", SourceWatermarks.UNKNOWN);
        assertThat(watermarks.low()).as("c does not know its time yet").isEmpty();
        watermarks.report("c", 100);
        assertThat(watermarks.low()).hasValue(100);
    }

    @Test
    void saysWhenASourcesTimeChanged() {
        SourceWatermarks watermarks = new SourceWatermarks(0);

        assertThat(watermarks.report("a", 100)).isTrue();
        assertThat(watermarks.report("a", 100)).as("same time again").isFalse();
        assertThat(watermarks.report("a", 101)).isTrue();
    }
}
