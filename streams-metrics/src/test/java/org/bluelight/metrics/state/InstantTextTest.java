package org.bluelight.metrics.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWholeSecondsAsInstantToStringDoes() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L));
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesTheEdgesOfItsRangeAndWindowStartsAsInstantToStringDoes() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"}) {
            assertThat(InstantText.of(Instant.parse(text))).isEqualTo(text);
        }
    }

    @Test
    void leavesFractionsAndFarYearsToInstantToString() {
        for (Instant instant : new Instant[] {Instant.parse("2026-12-04T10:00:00.500Z"), Instant.parse("2026-12-04T10:00:00.000000001Z"),
                Instant.ofEpochSecond(253_402_300_800L), Instant.ofEpochSecond(-62_167_219_201L), Instant.MIN, Instant.MAX}) {
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
    }
}
