package org.bluelight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.systemtests.Force.Unit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;

/**
 * The whole stack as containers from the project's images, driven from outside as a force's CAD
 * would drive it. One stack serves every test (starting it is most of the time); the tests run
 * in order and each uses its own dispatch groups and ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackIT {

    static final Duration WAIT = Duration.ofMinutes(2);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static BluelightStack stack;
    static RegistryClient registry;
    static Cad cad;

    @BeforeAll
    static void startStack() {
        DockerEngine.require();
        stack = BluelightStack.start();
        registry = new RegistryClient(RegistryClientConfig.of(stack.registryUrl()));
        cad = new Cad(stack.bootstrapServers(), registry);
    }

    @AfterAll
    static void stopStack() {
        if (cad != null) {
            cad.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void incidentsStatusesAndFixesInGiveRecommendationsCoverageCellsAndKpisOutAndEveryContainerIsHealthy() throws Exception {
        Instant t0 = now();
        List<Unit> units = Force.twoGroups("A-").stream().filter(u -> u.group().equals("A-SUD")).toList();
        onDuty(units, t0);

        IncidentEvent incident = Force.reported("A-1", 1, "A-SUD", Force.ESCALDES, t0.plusSeconds(5));
        cad.incident(incident);
        byte[] garbage = "{\"incidentId\": \"A-BAD\"} is JSON, not Avro".getBytes(StandardCharsets.UTF_8);
        cad.garbage(Topic.INCIDENTS, "A-BAD", garbage, t0.plusSeconds(6));
        try (Committed out = new Committed(stack.bootstrapServers(), List.of(Topic.RECOMMENDATIONS.topicName(),
                Topic.COVERAGE_CELLS.topicName(), Topic.RESPONSE_KPIS.topicName(), Topic.INCIDENTS.dlqName()))) {
            Recommendation recommendation = decode(Recommendation.class, Topic.RECOMMENDATIONS, out.await(
                    r -> r.topic().equals(Topic.RECOMMENDATIONS.topicName()) && r.key().equals("A-1"),
                    found -> !found.isEmpty(), WAIT, "a recommendation for A-1").get(0));
            assertThat(recommendation.getStatus()).isEqualTo(RecommendationStatus.ACTIVE);
            assertThat(recommendation.getCandidates()).extracting(c -> c.getOfficerIds().get(0))
                    .containsExactlyInAnyOrderElementsOf(units.stream().map(Unit::id).toList());
            // Sent once recommended, so that the unit is still available when dispatch ranks the candidates.
            cad.status(units.get(0).status(OfficerState.ON_SCENE, "A-1", t0.plusSeconds(305)));

            List<ConsumerRecord<String, byte[]>> cells = out.await(r -> r.topic().equals(Topic.COVERAGE_CELLS.topicName())
                    && decode(CoverageCell.class, Topic.COVERAGE_CELLS, r).getOfficersInReach() > 0,
                    found -> !found.isEmpty(), WAIT, "coverage cells with officers in reach");
            assertThat(cells).allSatisfy(r -> assertThat(r.key()).isEqualTo(
                    decode(CoverageCell.class, Topic.COVERAGE_CELLS, r).getCellId()));

            List<ResponseKpi> kpis = out.await(r -> r.topic().equals(Topic.RESPONSE_KPIS.topicName())
                    && "A-SUD".equals(decode(ResponseKpi.class, Topic.RESPONSE_KPIS, r).getDispatchGroup()),
                    found -> !found.isEmpty(), WAIT, "response KPIs of A-SUD").stream()
                    .map(r -> decode(ResponseKpi.class, Topic.RESPONSE_KPIS, r)).toList();
            // Reported at t0+5 s, first officer on scene at t0+305 s.
            assertThat(kpis).allSatisfy(kpi -> {
                assertThat(kpi.getGrade()).isEqualTo(1);
                assertThat(kpi.getCount()).isEqualTo(1);
                assertThat(kpi.getMedianSeconds()).isEqualTo(300.0);
            });

            ConsumerRecord<String, byte[]> deadLetter = out.await(r -> r.topic().equals(Topic.INCIDENTS.dlqName())
                    && r.key().equals("A-BAD"), found -> !found.isEmpty(), WAIT, "A-BAD on the dead-letter topic").get(0);
            assertThat(deadLetter.value()).isEqualTo(garbage);
            assertThat(header(deadLetter, "bluelight.dlq.reason")).isEqualTo("wrong-magic-byte");
        }

        for (GenericContainer<?> container : stack.withHealth()) {
            assertThat(get(BluelightStack.health(container)).statusCode()).as("/health of %s", container.getNetworkAliases())
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void prometheusScrapesKafkaStreamsAndBluelightSeriesFromEveryAppAndTheDashboardAsksForNoOtherSeries() throws Exception {
        Set<String> apps = Set.of("streams-dispatch:8090", "streams-coverage:8091", "streams-metrics:8092");
        await(() -> instances("count by (instance) ({__name__=~\"kafka_stream_.+\"})").containsAll(apps)
                && instances("count by (instance) ({__name__=~\"bluelight_.+\"})").containsAll(apps)
                && instances("up == 1").containsAll(apps), "kafka_stream_* and bluelight_* series of " + apps);

        List<String> expressions = dashboardExpressions();
        assertThat(expressions).isNotEmpty();
        for (String expression : expressions) {
            // Task-level series follow the apps' task assignment and the binder's 10 s refresh, so may follow the first scrape.
            await(() -> knownSeriesNames().containsAll(metricNames(expression)), "the series of " + expression);
            assertThat(knownSeriesNames()).as("series of the dashboard query %s", expression).containsAll(metricNames(expression));
            for (String selector : nameSelectors(expression)) {
                // Gauges appear once their app has something to measure, which may follow the first scrape.
                await(() -> !query("count(" + selector + ")").isEmpty(), "series matching " + selector);
                assertThat(query("count(" + selector + ")")).as("series matching %s", selector).isNotEmpty();
            }
        }
    }

    @Test
    @Order(3)
    void aBrokerPausedFor20SecondsLeavesTheAppsRunningWithoutARestartAndNothingDeadLettered() throws Exception {
        Instant t0 = now();
        List<Unit> units = Force.twoGroups("P-").stream().filter(u -> u.group().equals("P-NORD")).toList();
        onDuty(units, t0);
        Map<String, String> lifecycles = lifecycles();
        long deadLettersBefore = deadLetters();

        stack.pauseBroker(Duration.ofSeconds(20));

        cad.incident(Force.reported("P-1", 1, "P-NORD", Force.ORDINO, t0.plusSeconds(30)));
        try (Committed out = new Committed(stack.bootstrapServers(), List.of(Topic.RECOMMENDATIONS.topicName()))) {
            Recommendation recommendation = decode(Recommendation.class, Topic.RECOMMENDATIONS,
                    out.await(r -> r.key().equals("P-1"), found -> !found.isEmpty(), WAIT, "a recommendation for P-1").get(0));
            assertThat(recommendation.getCandidates()).isNotEmpty();
        }
        for (GenericContainer<?> app : stack.apps()) {
            await(() -> status(BluelightStack.health(app)) == 200, "/health of " + app.getNetworkAliases());
        }
        assertThat(lifecycles()).as("restart count and start time of each app").isEqualTo(lifecycles);
        assertThat(deadLetters()).as("records on the dead-letter topics").isEqualTo(deadLettersBefore);
    }

    @Test
    @Order(4)
    void dispatchKilledMidStreamThenReplacedPublishesEveryRecommendationOnceAsAnUninterruptedRunDoes() throws Exception {
        Instant t0 = now();
        List<Unit> uninterruptedUnits = Force.twoGroups("U-");
        List<Unit> killedUnits = Force.twoGroups("K-");
        onDuty(uninterruptedUnits, t0);
        onDuty(killedUnits, t0);

        List<Revision> uninterrupted;
        try (Committed out = new Committed(stack.bootstrapServers(), List.of(Topic.RECOMMENDATIONS.topicName()))) {
            Force.incidentStream("U-", t0.plusSeconds(10), 30).forEach(this::paced);
            uninterrupted = revisions(out.settled(r -> r.key().startsWith("U-"), 1, Duration.ofSeconds(8), WAIT), "U-");
        }
        assertThat(uninterrupted).extracting(Revision::revision).contains(1, 2);
        assertThat(uninterrupted).extracting(Revision::status).contains(RecommendationStatus.WITHDRAWN);

        List<IncidentEvent> stream = Force.incidentStream("K-", t0.plusSeconds(10), 30);
        int beforeKill = stream.size() * 3 / 5;
        try (Committed out = new Committed(stack.bootstrapServers(), List.of(Topic.RECOMMENDATIONS.topicName()))) {
            stream.subList(0, beforeKill).forEach(this::paced);
            out.await(r -> r.key().startsWith("K-"), found -> found.size() >= uninterrupted.size() / 4, WAIT,
                    "a quarter of the recommendations before the kill");
            stack.killDispatch();
            // The rest of the stream arrives while no dispatch app runs.
            stream.subList(beforeKill, stream.size()).forEach(this::paced);
            stack.replaceDispatch();

            List<Revision> published = revisions(out.settled(r -> r.key().startsWith("K-"), uninterrupted.size(),
                    Duration.ofSeconds(8), Duration.ofMinutes(3)), "K-");
            assertThat(published).containsExactlyInAnyOrderElementsOf(uninterrupted);
        }
    }

    /** One published revision of an incident's recommendation, its id without the run's prefix. */
    record Revision(String incident, int revision, RecommendationStatus status, RecommendationTrigger trigger) {
    }

    static List<Revision> revisions(List<ConsumerRecord<String, byte[]>> records, String prefix) {
        return records.stream().map(r -> decode(Recommendation.class, Topic.RECOMMENDATIONS, r))
                .map(r -> new Revision(r.getIncidentId().substring(prefix.length()), r.getRevision(), r.getStatus(), r.getTrigger()))
                .toList();
    }

    private void paced(IncidentEvent event) {
        cad.incident(event);
        pause(Duration.ofMillis(50));
    }

    static void onDuty(List<Unit> units, Instant at) throws InterruptedException {
        onDuty(cad, stack.dispatchUrl(""), units, at);
    }

    /** Statuses, then a fix a second later, for each unit; waits until dispatch holds each with its position. */
    static void onDuty(Cad cad, String dispatchUrl, List<Unit> units, Instant at) throws InterruptedException {
        units.forEach(unit -> cad.status(unit.available(at)));
        units.forEach(unit -> cad.fix(unit.fix(at.plusSeconds(1))));
        Set<String> groups = units.stream().map(Unit::group).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> ids = units.stream().map(Unit::id).collect(Collectors.toSet());
        await(() -> {
            Set<String> placed = new java.util.HashSet<>();
            for (String group : groups) {
                JsonNode officers = json(URI.create(dispatchUrl + "/officers?group=" + URLEncoder.encode(group, StandardCharsets.UTF_8)));
                officers.forEach(o -> {
                    if (o.hasNonNull("position")) {
                        placed.add(o.path("id").asText());
                    }
                });
            }
            return placed.containsAll(ids);
        }, "positions of " + ids);
    }

    static Map<String, String> lifecycles() {
        Map<String, String> lifecycles = new HashMap<>();
        stack.apps().forEach(app -> lifecycles.put(app.getContainerName(), BluelightStack.lifecycle(app)));
        return lifecycles;
    }

    /** Records on every dead-letter topic. */
    static long deadLetters() {
        return Committed.count(stack.bootstrapServers(), Topic.all().stream().map(Topic::dlqName).toList());
    }

    static <T extends org.apache.avro.specific.SpecificRecord> T decode(Class<T> type, Topic<?, ?> topic, ConsumerRecord<String, byte[]> record) {
        return AvroSerdes.value(type, registry).deserializer().deserialize(topic.topicName(), record.value());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    // Prometheus and the Grafana dashboard.

    static URI prometheus(String path) {
        return URI.create(BluelightStack.url(stack.prometheus, 9090, path));
    }

    static JsonNode query(String promql) {
        JsonNode answer = json(prometheus("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)));
        assertThat(answer.path("status").asText()).as("Prometheus answer to %s: %s", promql, answer).isEqualTo("success");
        List<JsonNode> result = new ArrayList<>();
        answer.path("data").path("result").forEach(result::add);
        return JSON.valueToTree(result);
    }

    static Set<String> instances(String promql) {
        Set<String> instances = new TreeSet<>();
        query(promql).forEach(series -> instances.add(series.path("metric").path("instance").asText()));
        return instances;
    }

    /** Every PromQL expression of the project's Grafana dashboard. */
    static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = JSON.readTree(Files.readString(BluelightImages.root().resolve("ops/grafana/dashboards/bluelight-streams.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
        return expressions;
    }

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BRACES = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern NAME = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b(?!\\s*\\()");
    private static final Pattern NAME_SELECTOR = Pattern.compile("\\{__name__=~[^}]*}");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "and", "or", "unless", "bool", "offset");

    /** The metric names an expression reads: names outside label matchers, groupings and ranges that are not functions. */
    static Set<String> metricNames(String expression) {
        String bare = RANGE.matcher(GROUPING.matcher(BRACES.matcher(QUOTED.matcher(expression).replaceAll("\"\""))
                .replaceAll("")).replaceAll("")).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            if (!KEYWORDS.contains(token) && !token.matches("\\d.*")) {
                names.add(token);
            }
        }
        return names;
    }

    /** Selectors by a regular expression on the name, e.g. {@code {__name__=~"bluelight_.+"}}. */
    static List<String> nameSelectors(String expression) {
        List<String> selectors = new ArrayList<>();
        Matcher matcher = NAME_SELECTOR.matcher(expression);
        while (matcher.find()) {
            selectors.add(matcher.group());
        }
        return selectors;
    }

    // HTTP and waiting.

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int status(URI uri) {
        try {
            return get(uri).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static JsonNode json(URI uri) {
        try {
            return JSON.readTree(get(uri).body());
        } catch (IOException e) {
            return JSON.createArrayNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.createArrayNode();
        }
    }

    static Set<String> knownSeriesNames() {
        Set<String> known = new TreeSet<>();
        try {
            JSON.readTree(get(prometheus("/api/v1/label/__name__/values")).body()).path("data").forEach(n -> known.add(n.asText()));
        } catch (Exception e) {
            throw new IllegalStateException("could not read Prometheus' series names", e);
        }
        return known;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(500);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whole seconds, as CAD stamps events. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
