package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.bluelight.schemas.KpiWindow;
import org.junit.jupiter.api.Test;

class KpiWindowRulesTest {

    private static final Duration GRACE = Duration.ofHours(2);
    private static final Duration SWEEP = Duration.ofMinutes(10);
    /** 10:20 BST: its hour window is 10:00-11:00 BST (09:00-10:00 UTC), its day ends at midnight BST (23:00 UTC). */
    private static final Instant ARRIVAL = Instant.parse("2024-05-01T09:20:00Z");
    private static final Instant HOUR_END = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant DAY_END = Instant.parse("2024-05-01T23:00:00Z");

    private final KpiWindowRules rules = new KpiWindowRules(new KpiWindows(ZoneId.of("Europe/London")), GRACE, SWEEP);

    private static List<Boolean> late(List<KpiWindowRules.Placement> placements) {
        return placements.stream().map(KpiWindowRules.Placement::late).toList();
    }

    @Test
    void aSampleGoesToItsHourAndItsLocalDay() {
        assertThat(rules.place(ARRIVAL, ARRIVAL)).extracting(KpiWindowRules.Placement::window).containsExactly(
                new KpiWindows.Window(KpiWindow.HOUR, HOUR_END.minusSeconds(3600), HOUR_END),
                new KpiWindows.Window(KpiWindow.DAY, Instant.parse("2024-04-30T23:00:00Z"), DAY_END));
        assertThat(late(rules.place(ARRIVAL, ARRIVAL))).containsExactly(false, false);
    }

    @Test
    void aSampleCountsUntilTheEndOfItsWindowsGraceByTheSampleClock() {
        assertThat(late(rules.place(ARRIVAL, HOUR_END.plus(GRACE)))).containsExactly(false, false);
        assertThat(late(rules.place(ARRIVAL, HOUR_END.plus(GRACE).plusMillis(1)))).containsExactly(true, false);
        assertThat(late(rules.place(ARRIVAL, DAY_END.plus(GRACE).plusMillis(1)))).containsExactly(true, true);
    }

    @Test
    void theSampleClockNeverGoesBack() {
        long at = ARRIVAL.toEpochMilli();

        assertThat(rules.tick(at, at - 60_000)).isEqualTo(new KpiWindowRules.Tick(at, false));
        assertThat(rules.tick(at, at)).isEqualTo(new KpiWindowRules.Tick(at, false));
        assertThat(rules.tick(at, at + 1).now()).isEqualTo(ARRIVAL.plusMillis(1));
    }

    @Test
    void theSampleClockSweepsAtItsFirstSampleAndOnEnteringEachSweepInterval() {
        long intervalStart = ARRIVAL.toEpochMilli() - ARRIVAL.toEpochMilli() % SWEEP.toMillis();

        assertThat(rules.tick(null, intervalStart + 5).sweep()).isTrue();
        assertThat(rules.tick(intervalStart + 5, intervalStart + SWEEP.toMillis() - 1).sweep()).isFalse();
        assertThat(rules.tick(intervalStart + SWEEP.toMillis() - 1, intervalStart + SWEEP.toMillis()).sweep()).isTrue();
    }

    @Test
    void aWindowClosesOnceStreamTimeReachesItsEndAndOnlyOnce() {
        GradeWindow open = GradeWindow.empty("G1", 1, new KpiWindows(ZoneId.of("Europe/London")).windowOf(ARRIVAL, KpiWindow.HOUR));

        assertThat(rules.closesBy(open, HOUR_END.minusMillis(1))).isFalse();
        assertThat(rules.closesBy(open, HOUR_END)).isTrue();
        assertThat(rules.closesBy(open.asClosed(), HOUR_END.plusSeconds(60))).isFalse();
    }

    @Test
    void aWindowIsDroppedOnceTheSampleClockIsPastItsGrace() {
        GradeWindow window = GradeWindow.empty("G1", 1, new KpiWindows(ZoneId.of("Europe/London")).windowOf(ARRIVAL, KpiWindow.HOUR));

        assertThat(rules.droppedBy(window, HOUR_END.plus(GRACE))).isFalse();
        assertThat(rules.droppedBy(window, HOUR_END.plus(GRACE).plusMillis(1))).isTrue();
        assertThat(rules.availabilityKeptFrom(HOUR_END.plus(GRACE))).isEqualTo(HOUR_END);
    }
}
