package org.bluelight.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMembershipTest {

    @TempDir
    Path stateDir;

    @Test
    void anInstanceRestartedOnItsStateDirectoryRejoinsAsTheSameMember() {
        String first = StaticMembership.addTo(new Properties(), stateDir, "bluelight-dispatch")
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        String again = StaticMembership.addTo(new Properties(), stateDir, "bluelight-dispatch")
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        assertThat(first).startsWith("bluelight-dispatch-").isEqualTo(again);
        assertThat(StaticMembership.addTo(new Properties(), stateDir, "bluelight-metrics")
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).as("another app in the same state directory")
                .startsWith("bluelight-metrics-").isNotEqualTo(first.replace("dispatch", "metrics"));
        assertThat(StaticMembership.addTo(new Properties(), stateDir.resolve("other-instance"), "bluelight-dispatch")
                .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)).as("another state directory, another member")
                .isNotEqualTo(first);
    }

    @Test
    void anIdGivenInTheSettingsIsKept() {
        Properties props = new Properties();
        props.put("main.consumer." + ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "dispatch-host-1");
        StaticMembership.addTo(props, stateDir, "bluelight-dispatch");
        assertThat(props).doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }
}
