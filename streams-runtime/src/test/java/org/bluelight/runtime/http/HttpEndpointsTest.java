package org.bluelight.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.bluelight.runtime.config.HttpSettings;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.PositionFix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private HttpEndpoints http;

    record Officer(String id, String state, Instant since) {
    }

    @BeforeEach
    void start() {
        http = new HttpEndpoints(new HttpSettings("127.0.0.1", 0), "test");
        http.start();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aRouteAnswersItsPathAndBelowWithJson() throws Exception {
        http.route("/officers", query -> query.subPath()
                .map(id -> JsonReply.ok(new Officer(id, "AVAILABLE", Instant.parse("2024-05-01T10:15:30Z"))))
                .orElseGet(() -> JsonReply.ok(List.of(query.parameter("group").orElse("all")))));

        HttpResponse<String> one = get("/officers/PC-1234");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode officer = json.readTree(one.body());
        assertThat(officer.get("id").asText()).isEqualTo("PC-1234");
        assertThat(officer.get("since").asText()).isEqualTo("2024-05-01T10:15:30Z");

        HttpResponse<String> all = get("/officers?group=north%20east");
        assertThat(json.readTree(all.body()).get(0).asText()).isEqualTo("north east");
    }

    @Test
    void avroRecordsAreWrittenAsTheirSchemaFields() throws Exception {
        PositionFix fix = PositionFix.newBuilder()
                .setOfficerId("PC-9")
                .setFixedAt(Instant.parse("2024-05-01T10:00:00Z"))
                .setPosition(GeoPoint.newBuilder().setLat(53.4808).setLon(-2.2426).build())
                .setSpeedMps(12.5f)
                .build();
        http.route("/fix", query -> JsonReply.ok(fix));

        JsonNode body = json.readTree(get("/fix").body());

        assertThat(body.get("officerId").asText()).isEqualTo("PC-9");
        assertThat(body.get("fixedAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(body.get("position").get("lat").asDouble()).isEqualTo(53.4808);
        assertThat(body.get("speedMps").asDouble()).isEqualTo(12.5);
        assertThat(body.get("headingDegrees").isNull()).isTrue();
        assertThat(body.has("schema")).isFalse();
    }

    @Test
    void errorsAreAnsweredAsJson() throws Exception {
        http.route("/broken", query -> {
            throw new IllegalStateException("store not ready");
        });
        http.route("/missing", query -> JsonReply.notFound("no officer PC-0"));

        HttpResponse<String> broken = get("/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(json.readTree(broken.body()).get("error").asText()).contains("store not ready");

        HttpResponse<String> missing = get("/missing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).get("error").asText()).isEqualTo("no officer PC-0");

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(uri("/missing"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);

        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsUpWhileRunningOrRebalancingAndDownOtherwise() throws Exception {
        AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
        http.route("/health", new HealthEndpoint("bluelight-test", state::get));

        HttpResponse<String> created = get("/health");
        assertThat(created.statusCode()).isEqualTo(503);
        assertThat(json.readTree(created.body()).get("state").asText()).isEqualTo("CREATED");
        assertThat(json.readTree(created.body()).get("status").asText()).isEqualTo("DOWN");

        state.set(KafkaStreams.State.REBALANCING);
        assertThat(get("/health").statusCode()).isEqualTo(200);

        state.set(KafkaStreams.State.RUNNING);
        HttpResponse<String> running = get("/health");
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(json.readTree(running.body()).get("application").asText()).isEqualTo("bluelight-test");

        state.set(KafkaStreams.State.ERROR);
        assertThat(get("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void textRoutesServeTheirContentType() throws Exception {
        http.routeText("/metrics", "text/plain; version=0.0.4; charset=utf-8", () -> "up 1\n");

        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).isEqualTo("up 1\n");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + http.port() + path);
    }
}
