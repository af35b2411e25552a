package org.bluelight.ops.bench.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.bluelight.ops.Bluelight;

/**
 * One streams app instance as an operating-system process of its own ({@code bluelight app NAME FILE}
 * in a child JVM on the class path its class-data archive is made from), so it can be hard-killed as a crash would: SIGKILL, no
 * shutdown hook, no commit, no leaving the group. Restarts reuse its settings file and state directory.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration HEALTHY_LIMIT = Duration.ofMinutes(3);
    /** The child's log: what times a start and a restart, phase by phase (a class path resource of ops). */
    private static final String LOGBACK = "bench-app-logback.xml";
    /** An environment variable: more JVM options for every app process, after the bench's own. */
    static final String APP_JAVA_OPTS = "BLUELIGHT_APP_JAVA_OPTS";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String app;
    private final String instance;
    private final Path settingsFile;
    private final Path log;
    private final int httpPort;
    private final ClassDataArchive classData;
    private final boolean writesClassData;
    private Process process;
    /** Each start's time and where its lines begin in the log, in order: a restart's times are read from its own lines. */
    private final List<long[]> starts = new ArrayList<>();
    /** The last process killed on purpose: a wait for its health ends quietly, the killer starts another. */
    private Process killed;

    /**
     * @param app      {@code dispatch}, {@code coverage} or {@code metrics}
     * @param instance a name of its own, e.g. {@code dispatch-a}; its state and log go under {@code workDir/instance}
     * @param settings the app's settings; the state directory and HTTP port are added
     * @param classData the app's class-data archive
     * @param writesClassData whether this instance writes the archive when it closes and there is none yet
     */
    AppProcess(String app, String instance, Path workDir, Map<String, String> settings, int httpPort,
               ClassDataArchive classData, boolean writesClassData) {
        this.app = app;
        this.instance = instance;
        this.httpPort = httpPort;
        this.classData = classData;
        this.writesClassData = writesClassData;
        Path dir = workDir.resolve(instance);
        settingsFile = dir.resolve(app + ".properties");
        log = dir.resolve(instance + ".log");
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.put("state.dir", dir.resolve("state").toAbsolutePath().toString());
        properties.put("http.port", String.valueOf(httpPort));
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(settingsFile)) {
                properties.store(out, "bench crash: " + instance);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String app() {
        return app;
    }

    String instance() {
        return instance;
    }

    /** Starts the process (appending to its log) unless it runs; returns at once. */
    synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + LOGBACK));
        command.addAll(classData.jvmOptions(writesClassData));
        // e.g. a flight recording of each start, or JIT settings to compare (this JVM's own are BLUELIGHT_JAVA_OPTS)
        String extra = System.getenv(APP_JAVA_OPTS);
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classData.classPath(),
                Bluelight.class.getName(), "app", app, settingsFile.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The settings file alone configures the instance, whatever the caller's environment holds.
        builder.environment().keySet().removeIf(name -> name.startsWith("BLUELIGHT_"));
        starts.add(new long[] {System.currentTimeMillis(), Files.exists(log) ? Files.size(log) : 0});
        process = builder.start();
    }

    /** The times of the first start at or after {@code atMillis}, from the lines its JVM logged; null if none started then. */
    synchronized StartTimes startTimes(long atMillis) throws IOException {
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i)[0] >= atMillis) {
                byte[] all = Files.readAllBytes(log);
                int from = (int) starts.get(i)[1];
                int to = i + 1 < starts.size() ? (int) starts.get(i + 1)[1] : all.length;
                return StartTimes.of(instance, new String(all, from, to - from, java.nio.charset.StandardCharsets.UTF_8).lines().toList());
            }
        }
        return null;
    }

    /**
     * Waits until {@code /health} answers 200 (Kafka Streams running or rebalancing), or until the
     * process it waits for is killed on purpose.
     *
     * @return true when healthy, false when killed on purpose first
     */
    boolean awaitHealthy() throws InterruptedException {
        Process watched = current();
        Instant deadline = Instant.now().plus(HEALTHY_LIMIT);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!watched.isAlive()) {
                if (killedOnPurpose(watched)) {
                    return false;
                }
                throw new IllegalStateException(instance + " exited with " + watched.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(instance + " not healthy after " + HEALTHY_LIMIT.toSeconds() + " s; see " + log);
    }

    /** SIGKILL, then waits for the process to be gone. */
    synchronized void kill() throws InterruptedException {
        killed = process;
        process.destroyForcibly();
        process.waitFor();
    }

    private synchronized Process current() {
        return process;
    }

    private synchronized boolean killedOnPurpose(Process watched) {
        return watched == killed;
    }

    /**
     * SIGTERM (the app closes cleanly, and writes its class-data archive if it is to), or SIGKILL after 60 s, or
     * after 5 minutes for the archive's writer: its JVM writes the archive after the app has closed, which took over
     * a minute at load 14 (a dispatch JVM, niced), and a writer cut short leaves every later start without one.
     */
    @Override
    public synchronized void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (process.waitFor(writesClassData ? 300 : 60, TimeUnit.SECONDS)) {
            if (writesClassData) {
                classData.adopt();
            }
        } else {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public String toString() {
        return instance;
    }
}
