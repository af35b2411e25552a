package org.bluelight.ops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bluelight.ops.FreePorts;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.ops.kafka.LocalKafkaBrokerConfig;
import org.bluelight.ops.local.BundledMap;
import org.bluelight.ops.local.DemoSettings;
import org.bluelight.ops.local.LocalServices;
import org.bluelight.ops.local.LocalStack;
import org.bluelight.ops.local.LocalStackConfig;
import org.bluelight.ops.topics.ProvisioningSettings;
import org.bluelight.schemas.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bluelight local --secure}: every part does its job under its own account, and what the
 * ACL table and the registry's roles forbid is refused.
 */
class SecureLocalStackIT {

    /** Seconds on a quiet machine; minutes when many builds share two cores. */
    private static final Duration OUTPUT_WITHIN = Duration.ofMinutes(5);
    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    @TempDir
    Path dataDir;

    private final int[] ports = FreePorts.take(5);
    /** The apps and the console take the four ports from here on: a free range, not whatever follows a free port. */
    private final int httpPortBase;

    SecureLocalStackIT() throws java.io.IOException {
        httpPortBase = BenchWorkspace.freePortRange(4);
    }
    private final String bootstrap = "127.0.0.1:" + ports[0];
    private final URI registry = URI.create("http://127.0.0.1:" + ports[2]);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void forbiddenPathsAreRefusedAndAllowedOnesWork() throws Exception {
        LocalSecurity secrets = LocalSecurity.prepare(dataDir, ports[3], List.of(), Map.of());
        try (LocalStack stack = new LocalStack(LocalServices.standard(secured(secrets)), line -> { })) {
            stack.start();
            assertThat(stack.summary()).anySatisfy(line -> assertThat(line).contains("SASL/SCRAM-SHA-512 over TLS"));
            refusesWhatTheTableForbids(secrets);
        }
    }

    private void refusesWhatTheTableForbids(LocalSecurity secrets) throws Exception {
        assertThatThrownBy(() -> describeCluster(Map.of()))
                .as("a plaintext client, no login: never answered").isInstanceOfAny(ExecutionException.class, TimeoutException.class);
        Map<String, String> wrongPassword = new HashMap<>(secrets.clientSettings(Account.DISPATCH));
        wrongPassword.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"dispatch\" password=\"not-the-password\";");
        assertThatThrownBy(() -> describeCluster(wrongPassword)).hasCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(describeCluster(secrets.clientSettings(Account.DISPATCH))).as("dispatch logs in").isPositive();

        assertThatThrownBy(() -> read(secrets, Account.DISPATCH, Topic.FSU.topicName()))
                .as("dispatch reading metrics.fsu").isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(secrets, Account.CONSOLE, Topic.CUSTODY_RECORDS.topicName()))
                .as("the console reading custody.records").isInstanceOf(TopicAuthorizationException.class);
        assertThat(read(secrets, Account.ANALYST, Topic.FSU.topicName())).as("analysts read metrics.fsu").isZero();
        assertThat(read(secrets, Account.METRICS, Topic.CRIME_RECORDS.topicName())).as("metrics reads crime.records").isZero();

        assertThatThrownBy(() -> write(secrets, Account.CONSOLE, Topic.INCIDENTS.topicName()))
                .as("the console writing cad.incidents").hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> write(secrets, Account.DISPATCH, Topic.INCIDENTS.topicName()))
                .as("dispatch writing cad.incidents").hasCauseInstanceOf(TopicAuthorizationException.class);
        write(secrets, Account.CAD, Topic.INCIDENTS.topicName());
        assertThat(read(secrets, Account.ANALYST, Topic.INCIDENTS.topicName())).as("what CAD wrote").isEqualTo(1);

        assertThat(registry("GET", "/health", null).statusCode()).as("health needs no login").isEqualTo(200);
        assertThat(registry("GET", "/subjects", null).statusCode()).as("no login").isEqualTo(401);
        assertThat(registry("GET", "/subjects", secrets.registryLogin(Account.ANALYST).headerValue()).statusCode()).isEqualTo(200);
        assertThat(registry("GET", "/subjects", "Basic " + Base64.getEncoder().encodeToString(
                "analyst:wrong".getBytes(StandardCharsets.UTF_8))).statusCode()).as("wrong password").isEqualTo(401);
        HttpResponse<String> analystWrites = registry("POST", "/subjects/probe-value/versions",
                secrets.registryLogin(Account.ANALYST).headerValue());
        assertThat(analystWrites.statusCode()).as("a reader registering a schema").isEqualTo(403);
        assertThat(analystWrites.body()).contains("40301");
        assertThat(registry("POST", "/subjects/probe-value/versions", secrets.registryLogin(Account.CAD).headerValue())
                .statusCode()).as("a writer registering a schema").isEqualTo(200);
        assertThat(registry("POST", "/subjects/probe-value", secrets.registryLogin(Account.ANALYST).headerValue())
                .statusCode()).as("a reader looking a schema up").isEqualTo(200);
    }

    @Test
    void everyPartDoesItsJobUnderItsOwnAccount() throws Exception {
        Path summaryFile = dataDir.resolve("summary.json");
        LocalSecurity secrets = LocalSecurity.prepare(dataDir, ports[3], List.of(), Map.of());
        // Stopped once every app has shown its output, not after a fixed time: as fast as the machine allows.
        DemoSettings demo = new DemoSettings(BundledMap.andorra(), "andorra", 120, summaryFile, true, false, httpPortBase);
        try (LocalStack stack = new LocalStack(LocalServices.demo(secured(secrets), demo, System.out), line -> { })) {
            stack.start();
            for (Topic<?, ?> output : List.of(Topic.RECOMMENDATIONS, Topic.COVERAGE_CELLS, Topic.RESPONSE_KPIS)) {
                assertThat(awaitRecords(secrets, output.topicName())).as("records on %s within %s", output.topicName(), OUTPUT_WITHIN)
                        .isTrue();
            }
            // The console's monitoring login (the demo users share one password).
            String monitor = "monitor:" + Files.readString(dataDir.resolve("console-demo-password")).trim();
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (httpPortBase + 3) + "/health"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(monitor.getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("the console is up").isEqualTo(200);
        }

        JsonNode summary = new ObjectMapper().readTree(summaryFile.toFile());
        assertThat(summary.get("incidents").asInt()).as("incidents in %s", summary).isPositive();
        assertThat(summary.get("recommendations").asInt()).as("recommendations in %s", summary).isPositive();
        assertThat(summary.get("sendFailures").asInt()).isZero();
        assertThat(summary.get("deadLetters").size()).as("dead-letter topics with records in %s", summary).isZero();
    }

    private LocalStackConfig secured(LocalSecurity secrets) {
        return new LocalStackConfig(dataDir, new LocalKafkaBrokerConfig(dataDir, ports[0], ports[1]), ports[2],
                ProvisioningSettings.local()).secured(secrets);
    }

    private int describeCluster(Map<String, String> security) throws Exception {
        Map<String, Object> settings = new HashMap<>(security);
        settings.put("bootstrap.servers", bootstrap);
        settings.put("default.api.timeout.ms", 5000);
        settings.put("request.timeout.ms", 5000);
        try (Admin admin = Admin.create(settings)) {
            return admin.describeCluster().nodes().get(6, TimeUnit.SECONDS).size();
        }
    }

    /** Reads partition 0 of {@code topic} from the start as {@code account}: the count of records there. */
    private int read(LocalSecurity secrets, Account account, String topic) {
        Map<String, Object> settings = new HashMap<>(secrets.clientSettings(account));
        settings.put("bootstrap.servers", bootstrap);
        settings.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            int count = 0;
            for (var partition : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long end = consumer.endOffsets(List.of(tp)).get(tp);
                while (consumer.position(tp) < end) {
                    count += consumer.poll(Duration.ofMillis(500)).count();
                }
            }
            return count;
        }
    }

    private void write(LocalSecurity secrets, Account account, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(secrets.clientSettings(account));
        settings.put("bootstrap.servers", bootstrap);
        settings.put("max.block.ms", 10_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "probe".getBytes(StandardCharsets.UTF_8), new byte[0]))
                    .get(15, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> registry(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(registry.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(SCHEMA));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether an analyst finds records on {@code topic} within {@link #OUTPUT_WITHIN}. */
    private boolean awaitRecords(LocalSecurity secrets, String topic) throws Exception {
        long deadline = System.nanoTime() + OUTPUT_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (read(secrets, Account.ANALYST, topic) > 0) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }
}
