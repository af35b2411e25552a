package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrashVerdictTest {

    private static final Map<String, Map<String, String>> NO_OTHER_OUTPUTS = Map.of();
    private static final Map<String, List<String>> NO_DESK_INPUTS = Map.of();

    /** A run whose recommendations are what its own desk input gives when replayed. */
    private static CrashOutputs outputs(Map<String, List<String>> recommendations, Map<String, Map<String, String>> latest,
                                        Map<String, List<String>> deskInputs) {
        return new CrashOutputs(recommendations, latest, deskInputs, recommendations);
    }

    @Test
    void theSummaryCountsEachKindOfDifferenceSoALongListCutShortStillTellsHowMany() {
        CrashOutputs uninterrupted = outputs(
                Map.of("I1", List.of("1 {a}", "2 {b}"), "I2", List.of("1 {c}"), "I3", List.of("1 {d}")),
                Map.of("metrics.fsu", Map.of("p1", "x", "p2", "y"), "dispatch.backlog", Map.of("G", "q")),
                Map.of("G", List.of("{s1}", "{s2}")));
        CrashOutputs crashed = outputs(
                Map.of("I1", List.of("1 {a}"), "I2", List.of("1 {c}", "1 {c}"), "I4", List.of("1 {e}")),
                Map.of("metrics.fsu", Map.of("p1", "x", "p2", "z"), "dispatch.backlog", Map.of("G", "r")),
                Map.of("G", List.of("{s1}", "{s1}")));

        CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, 1);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.summary()).isEqualTo("Recommendation revisions: 2 lost (2 incidents), 1 duplicated, 1 only after crashes; "
                + "desk inputs: 1 lost, 1 duplicated, 0 only after crashes; other outputs: 2 keys different {dispatch.backlog=1, metrics.fsu=1}");
    }

    @Test
    void withOnePartitionARevisionThatDiffersInContentIsLostAndExtraHoweverItIsNumbered() {
        CrashOutputs uninterrupted = outputs(Map.of("I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 100}")),
                NO_OTHER_OUTPUTS, NO_DESK_INPUTS);
        CrashOutputs crashed = outputs(Map.of("I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 200}")),
                NO_OTHER_OUTPUTS, NO_DESK_INPUTS);

        CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, 1);

        assertThat(verdict.lost()).containsExactly("I1: 1 {\"status\": \"ACTIVE\", \"eta\": 100}");
        assertThat(verdict.extra()).containsExactly("I1: 1 {\"status\": \"ACTIVE\", \"eta\": 200}");
    }

    @Test
    void withSeveralPartitionsEachIncidentsRevisionsMustRunOneToNOnceEachAndEndInTheSameStatus() {
        CrashOutputs uninterrupted = outputs(Map.of(
                "I1", List.of("1 {\"status\": \"NO_CANDIDATE\"}", "2 {\"status\": \"ACTIVE\"}", "3 {\"status\": \"WITHDRAWN\"}"),
                "I2", List.of("1 {\"status\": \"ACTIVE\"}", "2 {\"status\": \"WITHDRAWN\"}"),
                "I3", List.of("1 {\"status\": \"ACTIVE\"}", "2 {\"status\": \"WITHDRAWN\"}"),
                "I4", List.of("1 {\"status\": \"ACTIVE\"}", "2 {\"status\": \"WITHDRAWN\"}"),
                "I5", List.of("1 {\"status\": \"ACTIVE\"}")), NO_OTHER_OUTPUTS, NO_DESK_INPUTS);
        CrashOutputs crashed = outputs(Map.of(
                // Read in another order: one revision fewer, other content, the same end: not a difference.
                "I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 9}", "2 {\"status\": \"WITHDRAWN\"}"),
                "I2", List.of("1 {\"status\": \"ACTIVE\"}", "1 {\"status\": \"ACTIVE\"}", "2 {\"status\": \"WITHDRAWN\"}"),
                "I3", List.of("1 {\"status\": \"ACTIVE\"}", "3 {\"status\": \"WITHDRAWN\"}"),
                "I4", List.of("1 {\"status\": \"ACTIVE\"}"),
                "I6", List.of("1 {\"status\": \"ACTIVE\"}")), NO_OTHER_OUTPUTS, NO_DESK_INPUTS);

        CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, 3);

        assertThat(verdict.duplicated()).containsExactly("I2 revision 1 x2");
        assertThat(verdict.lost()).containsExactly("I3: revision 2 missing (revisions up to 3 published)",
                "I5: no recommendation (the uninterrupted run published 1 revisions)");
        assertThat(verdict.different()).containsExactly("dispatch.recommendations I4 last status: WITHDRAWN / ACTIVE");
        assertThat(verdict.extra()).containsExactly("I6: 1 revisions, none in the uninterrupted run");
        assertThat(verdict.reordered()).containsExactly("I1", "I2", "I3", "I4");
        assertThat(verdict.summary()).endsWith("; 4 incidents' revisions differ in content or number, read in another order "
                + "(told, not judged, with several partitions)");
    }

    @Test
    void theDesksInputMustBeTheSameRecordsAsOftenInEveryPartitionCount() {
        CrashOutputs uninterrupted = outputs(Map.of(), NO_OTHER_OUTPUTS,
                Map.of("G", List.of("{incident I1}", "{status O1}", "{status O1}")));
        CrashOutputs crashed = outputs(Map.of(), NO_OTHER_OUTPUTS,
                Map.of("G", List.of("{incident I1}", "{incident I1}", "{status O1}"), "H", List.of("{status O2}")));

        for (int partitions : new int[] {1, 3}) {
            CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, partitions);

            assertThat(verdict.lost()).containsExactly("desk input G: {status O1}");
            assertThat(verdict.duplicated()).containsExactly("desk input G {incident I1} x2");
            assertThat(verdict.extra()).containsExactly("desk input H: {status O2}");
        }
    }

    @Test
    void withSeveralPartitionsARevisionOtherThanTheRunsOwnDeskInputGivesFailsThoughTheRunsAgree() {
        Map<String, List<String>> published = Map.of("I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 100}",
                "2 {\"status\": \"WITHDRAWN\"}"));
        CrashOutputs uninterrupted = outputs(published, NO_OTHER_OUTPUTS, NO_DESK_INPUTS);
        // Numbered 1 to n, the same incident, the same last status: the cross-run checks pass; but the crash run's
        // desk input, replayed, recommends another unit in revision 1 and publishes revision 2 once.
        CrashOutputs crashed = new CrashOutputs(Map.of("I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 100}",
                "2 {\"status\": \"WITHDRAWN\"}", "2 {\"status\": \"WITHDRAWN\"}")), NO_OTHER_OUTPUTS, NO_DESK_INPUTS,
                Map.of("I1", List.of("1 {\"status\": \"ACTIVE\", \"eta\": 200}", "2 {\"status\": \"WITHDRAWN\"}")));

        CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, 3);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lost()).containsExactly("crash run against its desk input, I1: 1 {\"status\": \"ACTIVE\", \"eta\": 200}");
        assertThat(verdict.extra()).containsExactly("crash run against its desk input, I1: 1 {\"status\": \"ACTIVE\", \"eta\": 100}");
        assertThat(verdict.duplicated()).containsExactly("I1 revision 2 x2", "crash run against its desk input, I1 revision 2 x2");
        assertThat(verdict.summary()).contains("; against a replay of the run's own desk input: 1 revisions lost (1 incidents), "
                + "1 duplicated, 1 not from that input");
    }

    @Test
    void anUninterruptedRunWhoseDeskInputGivesOtherRevisionsFailsTooForTheDeskWouldNotBeDeterministic() {
        Map<String, List<String>> published = Map.of("I1", List.of("1 {\"status\": \"ACTIVE\"}"));
        CrashOutputs uninterrupted = new CrashOutputs(published, NO_OTHER_OUTPUTS, NO_DESK_INPUTS,
                Map.of("I1", List.of("1 {\"status\": \"ACTIVE\"}"), "I2", List.of("1 {\"status\": \"ACTIVE\"}")));
        CrashOutputs crashed = outputs(published, NO_OTHER_OUTPUTS, NO_DESK_INPUTS);

        for (int partitions : new int[] {1, 3}) {
            CrashVerdict verdict = CrashVerdict.of(uninterrupted, crashed, partitions);

            assertThat(verdict.lost()).containsExactly("uninterrupted run against its desk input, I2: 1 {\"status\": \"ACTIVE\"}");
            assertThat(verdict.passed()).isFalse();
        }
    }
}
