package org.bluelight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.systemtests.Force.Unit;
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
    private static final Duration UP = Duration.ofMinutes(10);

    @Test
    void anIncidentInGivesARecommendationOutAndPrometheusScrapesEveryApp() throws Exception {
        DockerEngine.require();
        Compose compose = new Compose("bluelight-smoke", Map.of());
        long startedAt = System.nanoTime();
        try {
            compose.up(UP);
            log.info("docker-compose up in {} s", (System.nanoTime() - startedAt) / 1_000_000_000);
            String dispatch = compose.url("DISPATCH");
            for (String app : List.of("DISPATCH", "COVERAGE", "METRICS")) {
                URI health = URI.create(compose.url(app) + "/health");
                StackIT.await(() -> StackIT.status(health) == 200, "/health of " + app);
            }
            // The console serves, and its /health wants a login like every other page of it.
            URI consoleHealth = URI.create(compose.url("CONSOLE") + "/health");
            StackIT.await(() -> StackIT.status(consoleHealth) == 401, "the console's /health asking for a login");
            String bootstrap = "localhost:" + compose.port("KAFKA");
            RegistryClient registry = new RegistryClient(RegistryClientConfig.of(compose.url("REGISTRY")));
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

            URI up = URI.create(compose.url("PROMETHEUS") + "/api/v1/query?query="
                    + java.net.URLEncoder.encode("up{job=\"bluelight-streams\"} == 1", java.nio.charset.StandardCharsets.UTF_8));
            Set<String> apps = Set.of("streams-dispatch:8090", "streams-coverage:8091", "streams-metrics:8092");
            StackIT.await(() -> {
                List<String> targets = new ArrayList<>();
                StackIT.json(up).path("data").path("result").forEach(s -> targets.add(s.path("metric").path("instance").asText()));
                return targets.containsAll(apps);
            }, "Prometheus targets " + apps + " up");
        } finally {
            compose.run(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        }
    }
}
