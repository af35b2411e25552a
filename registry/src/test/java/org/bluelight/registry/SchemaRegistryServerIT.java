package org.bluelight.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.bluelight.schemas.registry.Compatibility;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.registry.RegistryException;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaRegistryServerIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"int\"}");
    private static final Schema V2 = record(
            "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    private static final Schema V2_REQUIRED_B = record(
            "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");

    @Test
    void idsAndVersionsSurviveARestartOnTheSameTopic() {
        RegistryServerConfig config = config();
        int first;
        int second;
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config)) {
            RegistryClient client = client(server);
            first = client.register("orders-value", V1);
            second = client.register("orders-value", V2);
        }

        try (SchemaRegistryServer restarted = SchemaRegistryServer.start(config)) {
            RegistryClient client = client(restarted);
            assertThat(client.register("orders-value", V1)).isEqualTo(first);
            assertThat(client.schemaById(second)).isEqualTo(V2);
            assertThat(client.versions("orders-value")).containsExactly(1, 2);
            assertThat(client.latest("orders-value").orElseThrow().id()).isEqualTo(second);
            assertThat(client.register("other-value", record("{\"name\":\"z\",\"type\":\"long\"}")))
                    .as("a new schema gets a new id, not a reused one").isGreaterThan(second);
        }
    }

    @Test
    void anIncompatibleChangeIsRefusedWithHttp409() {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config())) {
            RegistryClient client = client(server);
            client.register("orders-value", V1);

            RegistryHttp.Reply reply = RegistryHttp.call("POST", server.uri(), "/subjects/orders-value/versions",
                    RegistryHttp.schemaBody(V2_REQUIRED_B.toString()));

            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.errorCode()).isEqualTo(409);
            assertThat(reply.body().path("message").asText()).contains("incompatible", "b");
            assertThat(client.isCompatible("orders-value", V2_REQUIRED_B)).isFalse();
            assertThat(client.isCompatible("orders-value", V2)).isTrue();
            assertThatThrownBy(() -> client.register("orders-value", V2_REQUIRED_B))
                    .isInstanceOfSatisfying(RegistryException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE_SCHEMA));
            assertThat(client.versions("orders-value")).containsExactly(1);

            client.setCompatibility("orders-value", Compatibility.NONE);
            assertThat(client.register("orders-value", V2_REQUIRED_B)).isPositive();
            assertThat(client.compatibility("orders-value")).isEqualTo(Compatibility.NONE);
        }
    }

    @Test
    void theSameSchemaHasOneIdAcrossSubjectsAndReRegisteringAddsNoVersion() throws Exception {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config())) {
            RegistryClient client = client(server);
            int id = client.register("a-value", V1);
            String reformatted = new ObjectMapper().readTree(V1.toString()).toPrettyString();

            RegistryHttp.Reply again = RegistryHttp.call("POST", server.uri(), "/subjects/b-value/versions",
                    RegistryHttp.schemaBody(reformatted));
            RegistryHttp.Reply twice = RegistryHttp.call("POST", server.uri(), "/subjects/a-value/versions",
                    RegistryHttp.schemaBody(reformatted));

            assertThat(again.body().path("id").asInt()).isEqualTo(id);
            assertThat(twice.body().path("id").asInt()).isEqualTo(id);
            assertThat(client.versions("a-value")).containsExactly(1);
            assertThat(client.subjects()).containsExactly("a-value", "b-value");
            assertThat(client.lookup("b-value", V1)).hasValue(id);
        }
    }

    @Test
    void answersUseConfluentShapesAndErrorCodes() {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config())) {
            URI uri = server.uri();
            int id = client(server).register("s-value", V1);

            RegistryHttp.Reply latest = RegistryHttp.call("GET", uri, "/subjects/s-value/versions/latest", null);
            assertThat(latest.status()).isEqualTo(200);
            assertThat(latest.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(latest.body().path("subject").asText()).isEqualTo("s-value");
            assertThat(latest.body().path("version").asInt()).isEqualTo(1);
            assertThat(latest.body().path("id").asInt()).isEqualTo(id);
            assertThat(new Schema.Parser().parse(latest.body().path("schema").asText())).isEqualTo(V1);
            assertThat(RegistryHttp.call("GET", uri, "/schemas/ids/" + id, null).body().path("schema").asText())
                    .isEqualTo(V1.toString());

            assertError(RegistryHttp.call("GET", uri, "/schemas/ids/9999", null), 404, 40403);
            assertError(RegistryHttp.call("GET", uri, "/subjects/nope-value/versions", null), 404, 40401);
            assertError(RegistryHttp.call("GET", uri, "/subjects/s-value/versions/7", null), 404, 40402);
            assertError(RegistryHttp.call("GET", uri, "/subjects/s-value/versions/zero", null), 422, 42202);
            assertError(RegistryHttp.call("POST", uri, "/subjects/s-value",
                    RegistryHttp.schemaBody(V2.toString())), 404, 40403);
            assertError(RegistryHttp.call("POST", uri, "/subjects/nope-value",
                    RegistryHttp.schemaBody(V1.toString())), 404, 40401);
            assertError(RegistryHttp.call("POST", uri, "/subjects/s-value/versions",
                    RegistryHttp.schemaBody("{\"type\":\"record\",\"name\":\"R\"}")), 422, 42201);
            assertError(RegistryHttp.call("POST", uri, "/subjects/s-value/versions",
                    "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"), 422, 42201);
            assertError(RegistryHttp.call("GET", uri, "/config/s-value", null), 404, 40408);
            assertError(RegistryHttp.call("PUT", uri, "/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
            assertError(RegistryHttp.call("GET", uri, "/associations/subjects/s-value", null), 404, 404);
            assertError(RegistryHttp.call("DELETE", uri, "/subjects/s-value/versions", null), 405, 405);

            assertThat(RegistryHttp.call("GET", uri, "/config", null).body().path("compatibilityLevel").asText())
                    .isEqualTo("BACKWARD");
            assertThat(RegistryHttp.call("GET", uri, "/config/s-value?defaultToGlobal=true", null).body()
                    .path("compatibilityLevel").asText()).isEqualTo("BACKWARD");
            assertThat(RegistryHttp.call("PUT", uri, "/config/s-value", "{\"compatibility\":\"full\"}").body()
                    .path("compatibility").asText()).isEqualTo("FULL");
            assertThat(RegistryHttp.call("GET", uri, "/config/s-value", null).body().path("compatibilityLevel")
                    .asText()).isEqualTo("FULL");
            RegistryHttp.Reply verbose = RegistryHttp.call("POST", uri,
                    "/compatibility/subjects/s-value/versions/latest?verbose=true",
                    RegistryHttp.schemaBody(V2_REQUIRED_B.toString()));
            assertThat(verbose.body().path("is_compatible").asBoolean()).isFalse();
            assertThat(verbose.body().path("messages")).isNotEmpty();
        }
    }

    @Test
    void healthAnswers200ForContainerHealthChecks() {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config())) {
            RegistryHttp.Reply health = RegistryHttp.call("GET", server.uri(), "/health", null);

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void twoServersSharingTheTopicHandOutConsistentIdsAndVersions() throws Exception {
        RegistryServerConfig config = config().withDefaultCompatibility(Compatibility.NONE);
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config);
                SchemaRegistryServer b = SchemaRegistryServer.start(config)) {
            List<RegistryClient> clients = List.of(client(a), client(b));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Map<Schema, Future<Integer>> registered = new HashMap<>();
            for (int i = 0; i < 24; i++) {
                Schema schema = record("{\"name\":\"f" + i + "\",\"type\":\"int\"}");
                RegistryClient client = clients.get(i % 2);
                registered.put(schema, pool.submit(() -> client.register("shared-value", schema)));
            }
            Map<Integer, Schema> byId = new HashMap<>();
            for (Map.Entry<Schema, Future<Integer>> entry : registered.entrySet()) {
                byId.put(entry.getValue().get(), entry.getKey());
            }
            pool.shutdown();

            assertThat(byId).as("one id per schema").hasSize(24);
            for (RegistryClient client : List.of(client(a), client(b))) {
                assertThat(client.versions("shared-value")).hasSize(24)
                        .containsExactlyElementsOf(range(1, 24));
                for (Map.Entry<Integer, Schema> entry : byId.entrySet()) {
                    assertThat(client.schemaById(entry.getKey())).isEqualTo(entry.getValue());
                }
            }
            List<Integer> idsA = new ArrayList<>();
            List<Integer> idsB = new ArrayList<>();
            for (int version = 1; version <= 24; version++) {
                idsA.add(clients.get(0).version("shared-value", version).id());
                idsB.add(clients.get(1).version("shared-value", version).id());
            }
            assertThat(idsA).isEqualTo(idsB);
            assertThat(new HashSet<>(idsA)).isEqualTo(byId.keySet());
        }
    }

    @Test
    void aSchemaRegisteredThroughOneServerIsReadableAtOnceThroughAnother() {
        RegistryServerConfig config = config();
        try (SchemaRegistryServer a = SchemaRegistryServer.start(config);
                SchemaRegistryServer b = SchemaRegistryServer.start(config)) {
            int id = client(a).register("x-value", V1);

            assertThat(client(b).schemaById(id)).isEqualTo(V1);
            assertThat(client(b).lookup("x-value", V1)).hasValue(id);
        }
    }

    @Test
    void theRegistryKeepsWorkingAcrossABrokerRestart() throws Exception {
        try (SchemaRegistryServer server = SchemaRegistryServer.start(config())) {
            RegistryClient client = client(server);
            int before = client.register("restart-value", V1);

            kafka.restartBroker(0);

            assertThat(client.register("restart-value", V2)).isGreaterThan(before);
            assertThat(client.versions("restart-value")).containsExactly(1, 2);
        }
    }

    private static void assertError(RegistryHttp.Reply reply, int status, int errorCode) {
        assertThat(reply.status()).as("HTTP status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.errorCode()).as("error_code of %s", reply.body()).isEqualTo(errorCode);
        assertThat(reply.body().path("message").asText()).isNotBlank();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    private static RegistryServerConfig config() {
        return RegistryServerConfig.of(kafka.bootstrapServers()).withTopic("_schemas-" + TOPICS.incrementAndGet());
    }

    private static RegistryClient client(SchemaRegistryServer server) {
        return new RegistryClient(RegistryClientConfig.of(server.uri().toString()));
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"test\",\"fields\":["
                + fields + "]}");
    }
}
