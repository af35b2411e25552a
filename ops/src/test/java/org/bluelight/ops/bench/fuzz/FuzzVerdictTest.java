package org.bluelight.ops.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private static FuzzReport report(boolean hostile, Map<String, Set<String>> keys) {
        return new FuzzReport(hostile, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), List.of(), keys, List.of(), List.of(),
                List.of(), new TreeMap<>(Map.of("bluelight-dispatch", 0L)), 1.0);
    }
}
