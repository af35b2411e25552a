package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashVerdictTest {

    @Test
    void theSummaryCountsEachKindOfDifferenceSoALongListCutShortStillTellsHowMany() {
        CrashOutputs uninterrupted = new CrashOutputs(
                Map.of("I1", List.of("1 {a}", "2 {b}"), "I2", List.of("1 {c}"), "I3", List.of("1 {d}")),
                Map.of("metrics.fsu", Map.of("p1", "x", "p2", "y"), "dispatch.backlog", Map.of("G", "q")));
        CrashOutputs crashed = new CrashOutputs(
                Map.of("I1", List.of("1 {a}"), "I2", List.of("1 {c}", "1 {c}"), "I4", List.of("1 {e}")),
                Map.of("metrics.fsu", Map.of("p1", "x", "p2", "z"), "dispatch.backlog", Map.of("G", "r")));

        CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).isEqualTo("Recommendation revisions: 2 lost (2 incidents), 1 duplicated, 1 only after crashes; "
                + "other outputs: 2 keys different {dispatch.backlog=1, metrics.fsu=1}");
    }
}
