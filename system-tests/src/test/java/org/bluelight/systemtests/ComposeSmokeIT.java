package org.bluelight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.systemtests.Force.Unit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker-compose.yml} as a user starts it: {@code docker-compose up -d --build} (with
 * {@code ops/docker/docker-compose.local.yml} where the local base images stand in for public
 * ones), an incident in and its recommendation out, every app a Prometheus target that is up,
 * then {@code docker-compose down -v}. Host ports are free ones, set through the file's
 * {@code BLUELIGHT_*_PORT} variables.
 */
class ComposeSmokeIT {

    private static final Logger log = LoggerFactory.getLogger(ComposeSmokeIT.class);
    private static final String PROJECT = "bluelight-smoke";
    private static final Duration UP = Duration.ofMinutes(10);

    private final Map<String, String> ports = new LinkedHashMap<>();

    @Test
    void anIncidentInGivesARecommendationOutAndPrometheusScrapesEveryApp() throws Exception {
        DockerEngine.require();
        requireCompose();
        for (String port : List.of("KAFKA", "REGISTRY", "DISPATCH", "COVERAGE", "METRICS", "CONSOLE", "PROMETHEUS", "GRAFANA")) {
            ports.put("BLUELIGHT_" + port + "_PORT", String.valueOf(freePort()));
        }
        long startedAt = System.nanoTime();
        compose(UP, "up", "-d", "--build");
        try {
            log.info("docker-compose up in {} s", (System.nanoTime() - startedAt) / 1_000_000_000);
            String dispatch = "http://localhost:" + ports.get("BLUELIGHT_DISPATCH_PORT");
            for (String app : List.of("DISPATCH", "COVERAGE", "METRICS")) {
                URI health = URI.create("http://localhost:" + ports.get("BLUELIGHT_" + app + "_PORT") + "/health");
                StackIT.await(() -> StackIT.status(health) == 200, "/health of " + app);
            }
            // The console serves, and its /health wants a login like every other page of it.
            URI consoleHealth = URI.create("http://localhost:" + ports.get("BLUELIGHT_CONSOLE_PORT") + "/health");
            StackIT.await(() -> StackIT.status(consoleHealth) == 401, "the console's /health asking for a login");
            String bootstrap = "localhost:" + ports.get("BLUELIGHT_KAFKA_PORT");
            RegistryClient registry = new RegistryClient(RegistryClientConfig.of("http://localhost:" + ports.get("BLUELIGHT_REGISTRY_PORT")));
            Instant t0 = StackIT.now();
            List<Unit> units = Force.twoGroups("C-").stream().filter(u -> u.group().equals("C-NORD")).toList();
            try (Cad cad = new Cad(bootstrap, registry);
                 Committed out = new Committed(bootstrap, List.of(Topic.RECOMMENDATIONS.topicName()))) {
                StackIT.onDuty(cad, dispatch, units, t0);
                cad.incident(Force.reported("C-1", 1, "C-NORD", Force.ENCAMP, t0.plusSeconds(5)));
                Recommendation recommendation = org.bluelight.schemas.serde.AvroSerdes.value(Recommendation.class, registry)
                        .deserializer().deserialize(Topic.RECOMMENDATIONS.topicName(), out.await(r -> r.key().equals("C-1"),
                                found -> !found.isEmpty(), StackIT.WAIT, "a recommendation for C-1").get(0).value());
                assertThat(recommendation.getStatus()).isEqualTo(RecommendationStatus.ACTIVE);
                assertThat(recommendation.getCandidates()).extracting(c -> c.getOfficerIds().get(0))
                        .containsExactlyInAnyOrderElementsOf(units.stream().map(Unit::id).toList());
            }

            URI up = URI.create("http://localhost:" + ports.get("BLUELIGHT_PROMETHEUS_PORT") + "/api/v1/query?query="
                    + java.net.URLEncoder.encode("up{job=\"bluelight-streams\"} == 1", java.nio.charset.StandardCharsets.UTF_8));
            Set<String> apps = Set.of("streams-dispatch:8090", "streams-coverage:8091", "streams-metrics:8092");
            StackIT.await(() -> {
                List<String> targets = new ArrayList<>();
                StackIT.json(up).path("data").path("result").forEach(s -> targets.add(s.path("metric").path("instance").asText()));
                return targets.containsAll(apps);
            }, "Prometheus targets " + apps + " up");
        } finally {
            compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        }
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

    private void compose(Duration timeout, String... arguments) throws IOException, InterruptedException {
        Path root = BluelightImages.root();
        List<String> command = new ArrayList<>(List.of("docker-compose", "-p", PROJECT, "-f", "docker-compose.yml"));
        if (DockerEngine.hasImage(BluelightImages.LOCAL_JRE)) {
            command.addAll(List.of("-f", "ops/docker/docker-compose.local.yml"));
        }
        command.addAll(List.of(arguments));
        Path output = root.resolve("system-tests/target/containers/compose-" + arguments[0] + ".log");
        output.toFile().getParentFile().mkdirs();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(ports);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " min; see " + output);
        }
        assertThat(process.exitValue()).as("exit code of %s (output in %s)", String.join(" ", command), output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
