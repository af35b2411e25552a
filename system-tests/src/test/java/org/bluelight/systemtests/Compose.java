package org.bluelight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One docker-compose project of the repository's compose files, run as a user runs it: the
 * {@code docker-compose} command in the repository root, with {@code ops/docker/docker-compose.local.yml}
 * added where the local base images stand in for public ones, every host port a free one (the
 * files' {@code BLUELIGHT_*_PORT} variables) and the environment given.
 */
final class Compose {

    private static final Logger LOG = LoggerFactory.getLogger(Compose.class);
    private static final List<String> PORTS =
            List.of("KAFKA", "REGISTRY", "DISPATCH", "COVERAGE", "METRICS", "CONSOLE", "PROMETHEUS", "GRAFANA");

    private final String project;
    private final List<String> files;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** {@code overrides} come after {@code docker-compose.yml} (and the local one). */
    Compose(String project, Map<String, String> environment, String... overrides) throws IOException {
        requireCompose();
        this.project = project;
        this.files = new ArrayList<>(List.of("docker-compose.yml"));
        if (DockerEngine.hasImage(BluelightImages.LOCAL_JRE)) {
            files.add("ops/docker/docker-compose.local.yml");
        }
        files.addAll(List.of(overrides));
        for (String port : PORTS) {
            this.environment.put("BLUELIGHT_" + port + "_PORT", String.valueOf(freePort()));
        }
        this.environment.putAll(environment);
    }

    /** The host port of a service, e.g. {@code port("DISPATCH")}. */
    int port(String service) {
        return Integer.parseInt(environment.get("BLUELIGHT_" + service + "_PORT"));
    }

    String url(String service) {
        return "http://localhost:" + port(service);
    }

    /**
     * {@code docker-compose up -d --build}. Compose 1.x gives up on the services still to start when
     * a dependency's health check fails at the moment it looks (a container slow to answer on a
     * loaded machine); an operator runs {@code up -d} again, and so does this, once.
     */
    void up(Duration timeout) throws IOException, InterruptedException {
        try {
            run(timeout, "up", "-d", "--build");
        } catch (AssertionError first) {
            if (!Files.readString(log("up")).contains("is unhealthy")) {
                throw withLogs(first);
            }
            LOG.warn("docker-compose up: a dependency was not healthy yet ({}); running up -d again", first.getMessage());
            Thread.sleep(10_000);
            try {
                run(timeout, "up", "-d");
            } catch (AssertionError second) {
                throw withLogs(second);
            }
        }
    }

    /** The containers' output kept beside the test's logs, since {@code down} removes them. */
    private AssertionError withLogs(AssertionError failure) throws IOException, InterruptedException {
        run(Duration.ofMinutes(1), "logs", "--no-color", "--timestamps");
        return new AssertionError(failure.getMessage() + "; the containers' output is in " + log("logs"), failure);
    }

    /** {@code docker-compose ARGUMENTS}; fails on a non-zero exit or after {@code timeout}. Its output, in a log file. */
    String run(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", project));
        files.forEach(file -> command.addAll(List.of("-f", file)));
        command.addAll(List.of(arguments));
        Path output = log(arguments[0]);
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(BluelightImages.root().toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " min; see " + output);
        }
        assertThat(process.exitValue()).as("exit code of %s (output in %s)", String.join(" ", command), output).isZero();
        return Files.readString(output);
    }

    private Path log(String subcommand) {
        return BluelightImages.root().resolve("system-tests/target/containers/" + project + "-" + subcommand + ".log");
    }

    private static void requireCompose() {
        try {
            Process version = new ProcessBuilder("docker-compose", "version").redirectErrorStream(true).start();
            if (version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // Not installed: handled below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String hint = "docker-compose is not installed: run ops/docker/engine.sh (installs Debian's docker-compose)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(hint);
        }
        Assumptions.abort(hint);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
