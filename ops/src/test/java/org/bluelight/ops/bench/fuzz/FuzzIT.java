package org.bluelight.ops.bench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.bluelight.ops.local.BundledMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on every input topic of the three apps, interleaved with a good workload: every
 * app stays healthy and catches up, every undecodable record is dead-lettered by each app that
 * reads its topic, and every output the good records give in a clean run is given again. The
 * same campaign as {@code ./bluelight bench fuzz}, smaller (the bench sends 1,000 per topic).
 */
class FuzzIT {

    @TempDir
    Path workDir;

    @Test
    void hostileRecordsOnEveryInputTopicNeitherStopAnAppNorCostAGoodRecordItsOutput() throws Exception {
        FuzzSettings settings = new FuzzSettings(36, 4, 11, BundledMap.andorra(), workDir, FuzzSettings.DEFAULT_CATCH_UP_LIMIT);
        StringWriter report = new StringWriter();

        FuzzVerdict verdict = BenchFuzzCommand.run(settings, new PrintStream(PrintStream.nullOutputStream()),
                new PrintWriter(report, true));

        assertThat(verdict.failures()).as("report:%n%s", report).isEmpty();
        assertThat(report.toString()).contains("PASSED");
        for (var topic : FuzzCampaign.INPUTS) {
            assertThat(report.toString()).as("hostile records sent to %s", topic).contains(topic.topicName());
        }
        assertThat(report.toString()).as("no dead letter without a reason, none blamed on a NullPointerException")
                .doesNotContain("<no reason>", "NullPointerException");
    }
}
