package org.bluelight.ops.bench.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A class-data sharing archive (JDK 13+ dynamic AppCDS) of one app's JVM: the classes a run loaded,
 * already parsed and verified, mapped by the next JVM instead of read from the jar again. It halves
 * the CPU a dispatch JVM spends before Kafka Streams starts (loading about 8,000 classes), which is
 * most of a restart on a busy machine. One instance writes it when it exits cleanly (the first, as
 * {@code -XX:ArchiveClassesAtExit}); every later start maps it. The JVM checks it against the jar it
 * was made from and runs without it, with a warning, when the jar changed.
 *
 * @param file      the archive, e.g. {@code class-data/dispatch.jsa}
 * @param classPath the app JVM's class path: archives hold classes from jar files only
 */
record ClassDataArchive(Path file, String classPath) {

    /**
     * A system property: the bluelight jar the app processes run from, when this JVM runs on another class path.
     * The integration tests run on the module's classes and Maven's jars; a class path with directories in it
     * cannot be archived, and without an archive a restarted dispatch JVM spent about twice the CPU before its
     * first recommendation.
     */
    static final String APP_JAR = "bluelight.app.jar";

    /** The class path of the app processes: {@value #APP_JAR} when it names a file, else this JVM's own. */
    static String appClassPath() {
        String jar = System.getProperty(APP_JAR, "");
        return !jar.isBlank() && Files.isRegularFile(Path.of(jar)) ? Path.of(jar).toAbsolutePath().toString()
                : System.getProperty("java.class.path");
    }

    /** The JVM options of an app process; {@code writer} writes the archive at its exit when there is none yet. */
    List<String> jvmOptions(boolean writer) {
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return List.of();
        }
        if (Files.isRegularFile(file)) {
            return List.of("-XX:SharedArchiveFile=" + file.toAbsolutePath());
        }
        if (!writer) {
            return List.of();
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + written().toAbsolutePath());
    }

    /**
     * Takes the archive a writer wrote, once its JVM has exited by itself: an archive cut short by a
     * kill is never used.
     */
    void adopt() {
        try {
            if (Files.isRegularFile(written())) {
                Files.move(written(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the class-data archive " + file, e);
        }
    }

    /** Where the writer's JVM writes it. */
    private Path written() {
        return file.resolveSibling(file.getFileName() + ".new");
    }
}
