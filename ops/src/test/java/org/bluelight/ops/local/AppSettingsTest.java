package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bluelight.runtime.config.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {

    @TempDir
    Path dir;

    @Test
    void anAppsFileBeatsTheStacksDefaultsTheEnvironmentBeatsTheFileAndTheStackFixesItsOwn() throws Exception {
        Path metrics = Files.writeString(dir.resolve("metrics.properties"),
                "fsu.list.size=25\ncommit.interval.ms=50\nbootstrap.servers=elsewhere:9092\n");
        AppSettings settings = new AppSettings(Map.of("metrics", metrics),
                Map.of("BLUELIGHT_COMMIT_INTERVAL_MS", "20", "BLUELIGHT_HTTP_PORT", "1"));

        ConfigSource source = settings.source("metrics", Map.of("fsu.ranking.interval.ms", "30000", "fsu.list.size", "100"),
                Map.of("bootstrap.servers", "127.0.0.1:19092", "http.port", "18092"));

        assertThat(source.string("fsu.ranking.interval.ms", "")).as("the stack's default").isEqualTo("30000");
        assertThat(source.string("fsu.list.size", "")).as("the file over the stack's default").isEqualTo("25");
        assertThat(source.string("commit.interval.ms", "")).as("the environment over the file").isEqualTo("20");
        assertThat(source.string("bootstrap.servers", "")).as("fixed by the stack").isEqualTo("127.0.0.1:19092");
        assertThat(source.string("http.port", "")).as("fixed by the stack").isEqualTo("18092");
        assertThat(source.origin("http.port")).isEqualTo("the host process");
    }

    @Test
    void anAppWithoutAFileStillReadsTheEnvironment() {
        AppSettings settings = new AppSettings(Map.of(), Map.of("BLUELIGHT_PROCESSING_GUARANTEE", "at_least_once"));

        assertThat(settings.source("dispatch", Map.of(), Map.of()).string("processing.guarantee", "exactly_once_v2"))
                .isEqualTo("at_least_once");
    }

    @Test
    void aFileForAnAppTheStackDoesNotRunIsRefused() {
        assertThatThrownBy(() -> new AppSettings(Map.of("dispach", dir.resolve("x")), Map.of()))
                .hasMessageContaining("dispach").hasMessageContaining("dispatch");
    }
}
