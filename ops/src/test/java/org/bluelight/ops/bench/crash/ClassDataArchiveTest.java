package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theWriterWritesAnArchiveThatEveryLaterStartMaps() throws IOException {
        Path file = dir.resolve("class-data").resolve("dispatch.jsa");
        ClassDataArchive archive = new ClassDataArchive(file, "/opt/bluelight.jar");

        assertThat(archive.jvmOptions(false)).as("no archive yet, not the writer").isEmpty();
        assertThat(archive.jvmOptions(true)).containsExactly("-XX:ArchiveClassesAtExit=" + file.toAbsolutePath() + ".new");

        Files.writeString(Path.of(file + ".new"), "archive");
        archive.adopt();
        assertThat(file).hasContent("archive");
        assertThat(archive.jvmOptions(true)).containsExactly("-XX:SharedArchiveFile=" + file.toAbsolutePath());
        assertThat(archive.jvmOptions(false)).containsExactly("-XX:SharedArchiveFile=" + file.toAbsolutePath());
    }

    @Test
    void nothingIsAdoptedWhenTheWriterWroteNothing() {
        Path file = dir.resolve("dispatch.jsa");
        new ClassDataArchive(file, "/opt/bluelight.jar").adopt();
        assertThat(file).doesNotExist();
    }

    @Test
    void aClassPathOfDirectoriesGetsNoArchive() {
        ClassDataArchive archive = new ClassDataArchive(dir.resolve("dispatch.jsa"),
                "/repo/ops/target/classes" + File.pathSeparator + "/repo/lib/kafka.jar");
        assertThat(archive.jvmOptions(true)).isEmpty();
    }

    @Test
    void appProcessesRunFromTheNamedJarWhenItExists() throws IOException {
        String before = System.getProperty(ClassDataArchive.APP_JAR);
        try {
            Path jar = Files.writeString(dir.resolve("bluelight.jar"), "jar");
            System.setProperty(ClassDataArchive.APP_JAR, jar.toString());
            assertThat(ClassDataArchive.appClassPath()).isEqualTo(jar.toAbsolutePath().toString());

            System.setProperty(ClassDataArchive.APP_JAR, dir.resolve("not-built.jar").toString());
            assertThat(ClassDataArchive.appClassPath()).as("a jar not built: this JVM's class path")
                    .isEqualTo(System.getProperty("java.class.path"));
        } finally {
            if (before == null) {
                System.clearProperty(ClassDataArchive.APP_JAR);
            } else {
                System.setProperty(ClassDataArchive.APP_JAR, before);
            }
        }
    }
}
