package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bluelight.ops.Bluelight;
import org.bluelight.ops.FreePorts;
import org.bluelight.ops.topics.BluelightTopics;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.ops.topics.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bluelight local --duration ...} run in this JVM, checked from outside while it is up. */
class LocalStackIT {

    @TempDir
    Path dataDir;

    @Test
    void localStartsBrokerAndRegistryProvisionsEveryTopicAndExitsZeroAfterItsDuration() throws Exception {
        int[] ports = FreePorts.take(3);
        String bootstrap = "127.0.0.1:" + ports[0];
        URI registry = URI.create("http://127.0.0.1:" + ports[2]);
        StringWriter out = new StringWriter();
        CommandLine commandLine = Bluelight.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("local",
                "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(ports[0]),
                "--controller-port", String.valueOf(ports[1]), "--registry-port", String.valueOf(ports[2]),
                "--duration", "6s", "--infrastructure-only"));

        awaitOutput(out, "Bluelight local stack is up.", exit);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> declared = BluelightTopics.specs(ProvisioningSettings.local()).stream().map(TopicSpec::name).toList();
            assertThat(topics).containsAll(declared);
        }
        HttpResponse<String> subjects = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(registry.resolve("/subjects")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);

        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString())
                .contains("Kafka bootstrap servers: " + bootstrap)
                .contains(registry.toString())
                .contains("Stopped after 6 s.");
        assertThat(FreePorts.isFree(ports[0])).as("Kafka port released").isTrue();
        assertThat(FreePorts.isFree(ports[2])).as("registry port released").isTrue();
        assertThat(dataDir.resolve("bluelight.log")).isNotEmptyFile();
    }

    @Test
    void aRestartOnTheSameDataDirCreatesNothingAndReportsTopicsThatDifferFromTheNewSettings() {
        int[] ports = FreePorts.take(3);
        String[] local = {"local", "--data-dir", dataDir.toString(), "--kafka-port", String.valueOf(ports[0]),
            "--controller-port", String.valueOf(ports[1]), "--registry-port", String.valueOf(ports[2]), "--duration", "1s",
            "--infrastructure-only"};
        List<TopicSpec> specs = BluelightTopics.specs(ProvisioningSettings.local());
        int topicCount = specs.size();
        // The apps' one-partition fallback dead-letter topics stay as declared.
        long differing = specs.stream().filter(spec -> spec.partitions() != 1).count();

        StringWriter first = new StringWriter();
        assertThat(run(first, local)).isZero();
        StringWriter second = new StringWriter();
        String[] morePartitions = Stream.concat(Arrays.stream(local), Stream.of("--partitions", "4"))
                .toArray(String[]::new);
        assertThat(run(second, morePartitions)).isZero();

        assertThat(first.toString()).contains(topicCount + " topics: " + topicCount + " created");
        assertThat(second.toString())
                .contains(topicCount + " topics: 0 created, " + (topicCount - differing) + " already as declared, "
                        + differing + " differing")
                .contains("MISMATCH cad.incidents: partitions: expected 4, found 3");
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = Bluelight.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    private static void awaitOutput(StringWriter out, String expected, CompletableFuture<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!out.toString().contains(expected)) {
            if (exit.isDone()) {
                throw new AssertionError("bluelight local exited with " + exit.get() + " before it was up:\n" + out);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bluelight local not up after 90 s:\n" + out);
            }
            Thread.sleep(100);
        }
    }
}
