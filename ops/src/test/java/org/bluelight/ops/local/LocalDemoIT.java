package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.bluelight.ops.Bluelight;
import org.bluelight.ops.FreePorts;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's run command, end to end: broker, registry, the streams apps and the simulated force
 * on the real Andorra map, the loop closed through Kafka (incidents in, recommendations out, the
 * simulated dispatcher's assignments back in, units arriving), the force's other systems (hot spots, the trial
 * schedule, crime and custody records), patrol tasks answered, every topic written, and a clean summary at exit.
 */
class LocalDemoIT {

    @TempDir
    Path dataDir;

    @Test
    void theSimulatedForceIsRecommendedAssignedAndArrivesAndEveryTopicHasRecordsWithNoDeadLetters() throws Exception {
        int[] ports = FreePorts.take(6);
        Path summaryFile = dataDir.resolve("summary.json");
        StringWriter out = new StringWriter();
        CommandLine commandLine = Bluelight.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        // 300x for 60 s is five simulated hours: enough incidents at any time of day.
        int exit = commandLine.execute("local", "--data-dir", dataDir.toString(),
                "--kafka-port", String.valueOf(ports[0]), "--controller-port", String.valueOf(ports[1]),
                "--registry-port", String.valueOf(ports[2]), "--http-port-base", String.valueOf(ports[3]),
                "--speed", "300", "--duration", "60s", "--summary", summaryFile.toString());

        assertThat(exit).as("exit code; output:%n%s", out).isZero();
        assertThat(out.toString()).contains("Dispatch app:", "Coverage app:", "Metrics app:", "Dispatch console:",
                "Console demo login:", "Simulator:");
        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.get("incidents").asInt()).as("incidents in %s", summary).isPositive();
        assertThat(summary.get("recommendations").asInt()).as("recommendations in %s", summary).isPositive();
        assertThat(summary.get("assignments").asInt()).as("assignments in %s", summary).isPositive();
        assertThat(summary.get("arrivals").asInt()).as("arrivals in %s", summary).isPositive();
        assertThat(summary.get("sendFailures").asInt()).isZero();
        // Every topic, the trial's and the frequent-service-user tallies included (ranked every 30 s in the demo).
        JsonNode records = summary.get("recordsByTopic");
        for (Topic<?, ?> topic : Topic.all()) {
            // Move-ups come only when coverage falls short where there is demand, which a minute may not see;
            // patrol tasks come every trial day, and the simulated dispatcher answers them on cad.task-decisions.
            if (topic != Topic.MOVEUPS) {
                assertThat(records.path(topic.topicName()).asLong()).as("records on %s in %s", topic, records).isPositive();
            }
        }
        assertThat(summary.get("deadLetters").size()).as("dead-letter topics with records in %s", summary).isZero();
    }
}
