package org.bluelight.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.bluelight.schemas.GeoPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

    private static final Schema SCHEMA = GeoPoint.getClassSchema();

    private StubRegistryServer registry;
    private RegistryClient client;

    @BeforeEach
    void start() throws Exception {
        registry = StubRegistryServer.start();
        client = new RegistryClient(RegistryClientConfig.of(registry.uri().toString())
                .withRetries(2, Duration.ofMillis(1)));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void registerPostsTheSchemaTextAndCachesTheId() {
        registry.answer("POST", "/subjects/geo-value/versions", 200, "{\"id\":7}");

        assertThat(client.register("geo-value", SCHEMA)).isEqualTo(7);
        assertThat(client.register("geo-value", SCHEMA)).isEqualTo(7);

        assertThat(registry.requests()).hasSize(1);
        StubRegistryServer.Request request = registry.requests().get(0);
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(SCHEMA.toString()) + "}");
        assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void schemaByIdFetchesOnceThenServesFromCache() {
        registry.answer("GET", "/schemas/ids/3", 200, "{\"schema\":" + quoted(SCHEMA.toString()) + "}");

        assertThat(client.schemaById(3)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(3)).isEqualTo(SCHEMA);

        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void unknownSchemaIdIsATypedErrorWithTheConfluentCode() {
        registry.answer("GET", "/schemas/ids/99", 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}");

        assertThatThrownBy(() -> client.schemaById(99))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.getMessage()).contains("/schemas/ids/99", "Schema 99 not found");
                });
        assertThat(registry.requests()).as("4xx is not retried").hasSize(1);
    }

    @Test
    void lookupIsEmptyWhenTheSchemaIsNotUnderTheSubject() {
        registry.answer("POST", "/subjects/geo-value", 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");

        assertThat(client.lookup("geo-value", SCHEMA)).isEmpty();
    }

    @Test
    void lookupReturnsTheRegisteredId() {
        registry.answer("POST", "/subjects/geo-value", 200,
                "{\"subject\":\"geo-value\",\"id\":12,\"version\":2,\"schema\":" + quoted(SCHEMA.toString()) + "}");

        assertThat(client.lookup("geo-value", SCHEMA)).hasValue(12);
        assertThat(registry.requests().get(0).body()).contains("\"schema\"");
    }

    @Test
    void incompatibleRegistrationIsRefusedWithoutRetry() {
        registry.answer("POST", "/subjects/geo-value/versions", 409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}");

        assertThatThrownBy(() -> client.register("geo-value", SCHEMA))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.transientFailure()).isFalse();
                });
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() {
        registry.answer("POST", "/subjects/geo-value/versions", 503, "unavailable")
                .answer("POST", "/subjects/geo-value/versions", 500, "{\"error_code\":50001,\"message\":\"store\"}")
                .answer("POST", "/subjects/geo-value/versions", 200, "{\"id\":5}");

        assertThat(client.register("geo-value", SCHEMA)).isEqualTo(5);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void serverErrorsBeyondTheRetryLimitFailWithTheLastStatus() {
        registry.answer("GET", "/subjects", 500, "{\"error_code\":50001,\"message\":\"Error in the backend\"}");

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.transientFailure()).isTrue();
                });
        assertThat(registry.requests()).as("first attempt and two retries").hasSize(3);
    }

    @Test
    void aDeadUrlIsSkippedForTheNextOne() throws Exception {
        URI dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        RegistryClient failover = new RegistryClient(RegistryClientConfig.of(dead + "," + registry.uri())
                .withRetries(1, Duration.ofMillis(1)));
        registry.answer("GET", "/subjects", 200, "[\"a-value\",\"b-key\"]");

        assertThat(failover.subjects()).containsExactly("a-value", "b-key");
    }

    @Test
    void anUnreachableRegistryIsATransientFailureWithoutStatus() throws Exception {
        URI dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        RegistryClient unreachable = new RegistryClient(RegistryClientConfig.of(dead.toString())
                .withRetries(1, Duration.ofMillis(1)));

        assertThatThrownBy(unreachable::subjects)
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(RegistryException.NO_RESPONSE);
                    assertThat(e.transientFailure()).isTrue();
                    assertThat(e.getMessage()).contains(dead.toString());
                });
    }

    @Test
    void aSlowAnswerTimesOut() {
        RegistryClient impatient = new RegistryClient(RegistryClientConfig.of(registry.uri().toString())
                .withTimeout(Duration.ofMillis(200)).withRetries(0, Duration.ZERO));
        registry.answerAfter("GET", "/subjects", 200, "[]", 2_000);

        assertThatThrownBy(impatient::subjects)
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(RegistryException.NO_RESPONSE))
                .hasMessageContaining("timed out");
    }

    @Test
    void basicAuthIsSentWithEveryRequest() {
        RegistryClient withAuth = new RegistryClient(RegistryClientConfig.of(registry.uri().toString())
                .withBasicAuth(new BasicAuth("dispatch", "s3cret")));
        registry.answer("GET", "/subjects", 200, "[]");

        withAuth.subjects();

        // base64("dispatch:s3cret")
        assertThat(registry.requests().get(0).authorization()).isEqualTo("Basic ZGlzcGF0Y2g6czNjcmV0");
    }

    @Test
    void subjectsAreEncodedAsOnePathSegment() {
        registry.answer("GET", "/subjects/a%2Fb%20c-value/versions", 200, "[1,2]");

        assertThat(client.versions("a/b c-value")).containsExactly(1, 2);
    }

    @Test
    void latestIsEmptyForAnUnknownSubject() {
        registry.answer("GET", "/subjects/nope-value/versions/latest", 404,
                "{\"error_code\":40401,\"message\":\"Subject 'nope-value' not found.\"}");

        assertThat(client.latest("nope-value")).isEmpty();
    }

    @Test
    void latestCarriesSubjectIdVersionAndSchema() {
        registry.answer("GET", "/subjects/geo-value/versions/latest", 200,
                "{\"subject\":\"geo-value\",\"id\":4,\"version\":3,\"schema\":" + quoted(SCHEMA.toString()) + "}");

        assertThat(client.latest("geo-value")).hasValue(new RegisteredSchema("geo-value", 4, 3, SCHEMA));
    }

    @Test
    void compatibilityCheckReadsIsCompatible() {
        registry.answer("POST", "/compatibility/subjects/geo-value/versions/latest", 200, "{\"is_compatible\":false}");

        assertThat(client.isCompatible("geo-value", SCHEMA)).isFalse();
    }

    @Test
    void subjectWithoutOwnLevelFallsBackToTheGlobalOne() {
        registry.answer("GET", "/config/geo-value", 404,
                "{\"error_code\":40408,\"message\":\"Subject 'geo-value' does not have subject-level compatibility configured\"}")
                .answer("GET", "/config", 200, "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

        assertThat(client.compatibility("geo-value")).isEqualTo(Compatibility.FULL_TRANSITIVE);
        assertThat(registry.requests()).extracting(StubRegistryServer.Request::rawPath)
                .containsExactly("/config/geo-value", "/config");
    }

    @Test
    void settingCompatibilityPutsTheLevel() {
        registry.answer("PUT", "/config/geo-value", 200, "{\"compatibility\":\"NONE\"}")
                .answer("PUT", "/config", 200, "{\"compatibility\":\"FORWARD\"}");

        client.setCompatibility("geo-value", Compatibility.NONE);
        client.setGlobalCompatibility(Compatibility.FORWARD);

        assertThat(registry.requests()).extracting(StubRegistryServer.Request::body)
                .containsExactly("{\"compatibility\":\"NONE\"}", "{\"compatibility\":\"FORWARD\"}");
    }

    @Test
    void aNonAvroSchemaIsRefused() {
        registry.answer("GET", "/schemas/ids/8", 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

        assertThatThrownBy(() -> client.schemaById(8)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void configFromKafkaPropertiesReadsEveryKey() {
        RegistryClientConfig config = RegistryClientConfig.fromProperties(Map.of(
                "schema.registry.url", "http://a:8081/, http://b:8081",
                "basic.auth.user.info", "u:p:w",
                "bluelight.registry.timeout.ms", "1500",
                "bluelight.registry.max.retries", 5,
                "bluelight.registry.retry.backoff.ms", "20"));

        assertThat(config).isEqualTo(new RegistryClientConfig(
                List.of(URI.create("http://a:8081"), URI.create("http://b:8081")), Duration.ofMillis(1500), 5,
                Duration.ofMillis(20), Optional.of(new BasicAuth("u", "p:w"))));
        assertThat(config.basicAuth().orElseThrow().toString()).doesNotContain("p:w");
    }

    @Test
    void configRefusesAMissingUrlAndANonHttpScheme() {
        assertThatThrownBy(() -> RegistryClientConfig.fromProperties(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> RegistryClientConfig.of("mock://scope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }
}
