package org.bluelight.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanShutdownTest {

    @TempDir
    Path stateDir;
    private Path app;

    @BeforeEach
    void lastRunLeftState() throws IOException {
        app = stateDir.resolve("bluelight-dispatch");
        for (String task : new String[] {"0_0", "1_0", "2_3"}) {
            Files.createDirectories(app.resolve(task).resolve("rocksdb").resolve("officer-availability"));
            Files.writeString(app.resolve(task).resolve("rocksdb").resolve("officer-availability").resolve("000001.sst"), "x");
        }
        Files.createDirectories(app.resolve("global").resolve("rocksdb"));
        Files.writeString(app.resolve("global").resolve(".checkpoint"), "0\n");
        Files.writeString(app.resolve("kafka-streams-process-metadata"), "process id");
    }

    @Test
    void afterACrashTheTaskStateIsRemovedAndTheRestKept() {
        UncleanShutdown crashed = new UncleanShutdown(stateDir, "bluelight-dispatch");
        crashed.running();

        UncleanShutdown restarted = new UncleanShutdown(stateDir, "bluelight-dispatch");
        assertThat(restarted.happened()).isTrue();
        assertThat(restarted.discardTaskState()).containsExactly("0_0", "1_0", "2_3");
        assertThat(app.resolve("0_0")).doesNotExist();
        assertThat(app.resolve("2_3")).doesNotExist();
        assertThat(app.resolve("global").resolve(".checkpoint")).as("the global store").exists();
        assertThat(app.resolve("kafka-streams-process-metadata")).as("the process id").exists();
    }

    @Test
    void afterACleanCloseNothingIsRemoved() {
        UncleanShutdown first = new UncleanShutdown(stateDir, "bluelight-dispatch");
        first.running();
        first.closedCleanly();

        UncleanShutdown restarted = new UncleanShutdown(stateDir, "bluelight-dispatch");
        assertThat(restarted.happened()).isFalse();
        assertThat(restarted.discardTaskState()).isEmpty();
        assertThat(app.resolve("0_0").resolve("rocksdb").resolve("officer-availability").resolve("000001.sst")).exists();
    }

    @Test
    void anotherAppsCrashLeavesThisAppsStateAlone() {
        new UncleanShutdown(stateDir, "bluelight-metrics").running();

        assertThat(new UncleanShutdown(stateDir, "bluelight-dispatch").discardTaskState()).isEmpty();
        assertThat(app.resolve("1_0")).exists();
    }

    @Test
    void stateInUseByAnotherInstanceIsLeftAlone() throws IOException {
        new UncleanShutdown(stateDir, "bluelight-dispatch").running();
        try (FileChannel channel = FileChannel.open(app.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            assertThat(new UncleanShutdown(stateDir, "bluelight-dispatch").discardTaskState()).isEmpty();
        }
        assertThat(app.resolve("0_0")).exists();
    }
}
