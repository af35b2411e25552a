package org.bluelight.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.bluelight.ops.Bluelight;
import org.bluelight.ops.topics.BluelightTopics;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.schemas.Topic;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

class TopicsCommandIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    @Test
    void provisionsAnExternalClusterThenExitsWithThreeWhenAskedForOtherPartitions() {
        StringWriter first = new StringWriter();
        int firstExit = run(first, "topics", "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "2");

        assertThat(firstExit).isZero();
        assertThat(first.toString())
                .contains("created " + Topic.INCIDENTS.topicName())
                .contains(BluelightTopics.specs(ProvisioningSettings.local()).size() + " topics: "
                        + BluelightTopics.specs(ProvisioningSettings.local()).size() + " created");

        StringWriter second = new StringWriter();
        int secondExit = run(second, "topics", "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "4");

        assertThat(secondExit).isEqualTo(TopicsCommand.EXIT_MISMATCH);
        assertThat(second.toString())
                .contains("0 created")
                .contains("MISMATCH " + Topic.INCIDENTS.topicName() + ": partitions: expected 4, found 2");
    }

    @Test
    void anInvalidPartitionCountIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Bluelight.commandLine();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("topics", "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "0");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("partitions must be at least 1, got 0");
    }

    private static int run(StringWriter out, String... args) {
        CommandLine commandLine = Bluelight.commandLine();
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }
}
