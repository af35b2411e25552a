package org.bluelight.ops.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.Test;

class FuzzVerdictTest {

    private static final String BACKLOG = Topic.BACKLOG.topicName();
    private static final String RECOMMENDATIONS = Topic.RECOMMENDATIONS.topicName();

    @Test
    void aHostileRunWithEveryCleanOutputPasses() {
        FuzzReport clean = report(false, Map.of(RECOMMENDATIONS, Set.of("FZ-I000"), BACKLOG, Set.of(GoodWorkload.BACKLOG_GROUP)));
        FuzzReport hostile = report(true, Map.of(RECOMMENDATIONS, Set.of("FZ-I000", "FZ-I001"),
                BACKLOG, Set.of(GoodWorkload.BACKLOG_GROUP)));

        assertThat(FuzzVerdict.of(clean, hostile).passed()).isTrue();
    }

    @Test
    void aCleanOutputMissingFromTheHostileRunFailsIt() {
        FuzzReport clean = report(false, Map.of(RECOMMENDATIONS, Set.of("FZ-I000", "FZ-I001")));
        FuzzReport hostile = report(true, Map.of(RECOMMENDATIONS, Set.of("FZ-I000")));

        FuzzVerdict verdict = FuzzVerdict.of(clean, hostile);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.missingOutputs()).containsEntry(RECOMMENDATIONS, Set.of("FZ-I001"));
    }

    @Test
    void aBacklogOfTheServedGroupIsNotComparedSinceItDependsOnReadOrder() {
        FuzzReport clean = report(false, Map.of(BACKLOG, Set.of(GoodWorkload.GROUP, GoodWorkload.BACKLOG_GROUP)));
        FuzzReport hostile = report(true, Map.of(BACKLOG, Set.of(GoodWorkload.BACKLOG_GROUP)));

        assertThat(FuzzVerdict.of(clean, hostile).passed()).isTrue();
        assertThat(FuzzVerdict.of(clean, report(true, Map.of(BACKLOG, Set.of()))).missingOutputs())
                .containsEntry(BACKLOG, Set.of(GoodWorkload.BACKLOG_GROUP));
    }

    @Test
    void theGoodHotSpotsTrialCountsMustNotChangeWhenHostileRecordsAndDuplicatesArrive() {
        Map<String, Set<String>> keys = Map.of(Topic.HOTSPOT_TRIAL.topicName(), Set.of("FZ-HS1|2026-12-03"));
        FuzzReport clean = report(false, keys, Map.of("FZ-HS1|2026-12-03", "TREATMENT counts {crimes: 20}"));
        FuzzReport same = report(true, keys, Map.of("FZ-HS1|2026-12-03", "TREATMENT counts {crimes: 20}"));
        FuzzReport doubled = report(true, keys, Map.of("FZ-HS1|2026-12-03", "TREATMENT counts {crimes: 40}"));

        assertThat(FuzzVerdict.of(clean, same).passed()).isTrue();
        assertThat(FuzzVerdict.of(clean, doubled).failures()).singleElement().asString()
                .contains("FZ-HS1|2026-12-03").contains("crimes: 20").contains("crimes: 40");
    }

    private static FuzzReport report(boolean hostile, Map<String, Set<String>> keys) {
        return report(hostile, keys, Map.of());
    }

    @Test
    void aCleanRunWithNothingOnAnOutputTopicCannotVouchForTheHostileRun() {
        Map<String, Set<String>> keys = new TreeMap<>(everyOutput());
        keys.remove(Topic.FSU.topicName());

        FuzzVerdict verdict = FuzzVerdict.of(new FuzzReport(false, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), List.of(),
                new TreeMap<>(), List.of(), keys, Map.of(), Map.of(), List.of(), List.of(), List.of(), new TreeMap<>(), 1.0),
                report(true, Map.of()));

        assertThat(verdict.failures()).anySatisfy(failure -> assertThat(failure).contains("clean run: nothing on metrics.fsu"));
    }

    /** One key on every output topic, so a clean run has something everywhere. */
    private static Map<String, Set<String>> everyOutput() {
        Map<String, Set<String>> keys = new TreeMap<>();
        FuzzCampaign.OUTPUTS.forEach(topic -> keys.put(topic.topicName(), Set.of()));
        return keys;
    }

    private static FuzzReport report(boolean hostile, Map<String, Set<String>> keys, Map<String, String> trialDays) {
        return report(hostile, keys, Map.of(), trialDays, new TreeMap<>(), List.of());
    }

    private static FuzzReport report(boolean hostile, Map<String, Set<String>> keys, Map<String, Map<String, String>> values,
                                     Map<String, String> trialDays, SortedMap<String, SortedMap<String, Long>> deadLetters,
                                     List<String> unprocessed) {
        Map<String, Set<String>> all = new TreeMap<>();
        FuzzCampaign.OUTPUTS.forEach(topic -> all.put(topic.topicName(), Set.of("FZ-ANY")));
        all.putAll(keys);
        return new FuzzReport(hostile, new TreeMap<>(), new TreeMap<>(), deadLetters, List.of(), new TreeMap<>(), unprocessed, all,
                values, trialDays, List.of(), List.of(), List.of(), new TreeMap<>(Map.of("bluelight-dispatch", 0L)), 1.0);
    }

    @Test
    void aGoodOutputWhoseLastValueChangedFailsUnlessItDependsOnReadOrder() {
        Map<String, Set<String>> keys = Map.of(RECOMMENDATIONS, Set.of("FZ-I000"), BACKLOG, Set.of(GoodWorkload.GROUP));
        FuzzReport clean = report(false, keys, Map.of(RECOMMENDATIONS, Map.of("FZ-I000", "{status: WITHDRAWN}"),
                BACKLOG, Map.of(GoodWorkload.GROUP, "{entries: []}")), Map.of(), new TreeMap<>(), List.of());
        FuzzReport same = report(true, keys, Map.of(RECOMMENDATIONS, Map.of("FZ-I000", "{status: WITHDRAWN}"),
                BACKLOG, Map.of(GoodWorkload.GROUP, "{entries: [FZ-I001]}")), Map.of(), new TreeMap<>(), List.of());
        FuzzReport changed = report(true, keys, Map.of(RECOMMENDATIONS, Map.of("FZ-I000", "{status: ACTIVE}"),
                BACKLOG, Map.of(GoodWorkload.GROUP, "{entries: []}")), Map.of(), new TreeMap<>(), List.of());

        assertThat(FuzzVerdict.of(clean, same).passed()).isTrue();
        assertThat(FuzzVerdict.of(clean, changed).failures()).singleElement().asString()
                .contains("FZ-I000").contains("{status: ACTIVE}").contains("{status: WITHDRAWN}");
    }

    @Test
    void aDeadLetterWhoseReasonIsAnExceptionsNameFailsTheRun() {
        SortedMap<String, SortedMap<String, Long>> letters = new TreeMap<>(Map.of("cad.incidents.dlq",
                new TreeMap<>(Map.of("invalid-id", 12L, "NullPointerException", 1L))));

        FuzzVerdict verdict = FuzzVerdict.of(report(false, Map.of()),
                report(true, Map.of(), Map.of(), Map.of(), letters, List.of()));

        assertThat(verdict.failures()).singleElement().asString()
                .contains("cad.incidents.dlq").contains("NullPointerException").doesNotContain("invalid-id");
    }

    @Test
    void aDecodableHostileRecordTakenWithoutItsOutputFailsTheRun() {
        FuzzVerdict verdict = FuzzVerdict.of(report(false, Map.of()), report(true, Map.of(), Map.of(), Map.of(), new TreeMap<>(),
                List.of("cad.incidents-0@7 HOSTILE_TIMESTAMP: incident FZH-I-7 neither recommended nor dead-lettered by dispatch")));

        assertThat(verdict.failures()).singleElement().asString().contains("not processed").contains("FZH-I-7");
    }
}
