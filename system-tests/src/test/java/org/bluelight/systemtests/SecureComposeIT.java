package org.bluelight.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.BasicAuth;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.systemtests.Force.Unit;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.secure.yml} as an operator starts it: every password from the environment,
 * the registry's users from a file of the operator's, the broker's certificate made at its first
 * start and shared through a volume. Each container then logs in under its own account (an incident
 * from the host as CAD gets its recommendation, the console serves), and the access table holds
 * for clients from outside.
 */
class SecureComposeIT {

    private static final Duration UP = Duration.ofMinutes(10);
    private static final List<String> ACCOUNTS =
            List.of("ADMIN", "REGISTRY", "DISPATCH", "COVERAGE", "METRICS", "CONSOLE", "CAD", "RECORDS", "ANALYST");
    private static final String CERTIFICATE = "/var/lib/bluelight/security/public/broker-certificate.pem";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private final Path dir = BluelightImages.root().resolve("system-tests/target/containers/secure");
    private final Map<String, String> passwords = new LinkedHashMap<>();

    @Test
    void everyContainerLogsInUnderItsOwnAccountAndTheAccessTableHolds() throws Exception {
        DockerEngine.require();
        Map<String, String> environment = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (String account : ACCOUNTS) {
            byte[] secret = new byte[16];
            random.nextBytes(secret);
            passwords.put(account.toLowerCase(), HexFormat.of().formatHex(secret));
            environment.put("BLUELIGHT_PASSWORD_" + account, passwords.get(account.toLowerCase()));
        }
        environment.put("BLUELIGHT_REGISTRY_USERS_FILE", registryUsers().toString());
        Compose compose = new Compose("bluelight-secure", environment, "docker-compose.secure.yml");
        try {
            compose.up(UP);
            for (String app : List.of("DISPATCH", "COVERAGE", "METRICS")) {
                URI health = URI.create(compose.url(app) + "/health");
                StackIT.await(() -> StackIT.status(health) == 200, "/health of " + app);
            }
            URI consoleHealth = URI.create(compose.url("CONSOLE") + "/health");
            StackIT.await(() -> StackIT.status(consoleHealth) == 401, "the console serving (its /health asks for a login)");
            Path certificate = dir.resolve("broker-certificate.pem");
            String printed = compose.run(Duration.ofMinutes(1), "exec", "-T", "kafka", "cat", CERTIFICATE);
            assertThat(printed).as("the broker's certificate").contains(BEGIN, END);
            Files.writeString(certificate, printed.substring(printed.indexOf(BEGIN), printed.lastIndexOf(END) + END.length()) + "\n");

            String bootstrap = "localhost:" + compose.port("KAFKA");
            URI registryUrl = URI.create(compose.url("REGISTRY"));
            assertThat(StackIT.status(registryUrl.resolve("/subjects"))).as("the registry without a login").isEqualTo(401);
            RegistryClient registry = new RegistryClient(RegistryClientConfig.of(registryUrl.toString())
                    .withBasicAuth(new BasicAuth("cad", passwords.get("cad"))));

            Instant t0 = StackIT.now();
            List<Unit> units = Force.twoGroups("S-").stream().filter(u -> u.group().equals("S-NORD")).toList();
            try (Cad cad = new Cad(bootstrap, client("cad", passwords.get("cad"), certificate), registry);
                 Committed out = new Committed(bootstrap, analystReader(certificate), List.of(Topic.RECOMMENDATIONS.topicName()))) {
                StackIT.onDuty(cad, compose.url("DISPATCH"), units, t0);
                cad.incident(Force.reported("S-1", 1, "S-NORD", Force.ENCAMP, t0.plusSeconds(5)));
                Recommendation recommendation = AvroSerdes.value(Recommendation.class, registry).deserializer()
                        .deserialize(Topic.RECOMMENDATIONS.topicName(), out.await(r -> r.key().equals("S-1"),
                                found -> !found.isEmpty(), StackIT.WAIT, "a recommendation for S-1").get(0).value());
                assertThat(recommendation.getStatus()).isEqualTo(RecommendationStatus.ACTIVE);
                assertThat(recommendation.getCandidates()).extracting(c -> c.getOfficerIds().get(0))
                        .containsExactlyInAnyOrderElementsOf(units.stream().map(Unit::id).toList());
            }

            assertThatThrownBy(() -> partitions(bootstrap, client("dispatch", passwords.get("dispatch"), certificate), Topic.FSU))
                    .as("dispatch reading metrics.fsu").isInstanceOf(TopicAuthorizationException.class);
            Throwable wrongPassword = catchThrowable(() -> partitions(bootstrap, client("cad", "not-the-password", certificate), Topic.INCIDENTS));
            assertThat(Stream.iterate(wrongPassword, Objects::nonNull, Throwable::getCause))
                    .as("a wrong password fails to log in: %s", wrongPassword).anyMatch(SaslAuthenticationException.class::isInstance);
            assertThat(partitions(bootstrap, client("analyst", passwords.get("analyst"), certificate), Topic.FSU))
                    .as("analysts see metrics.fsu").isPositive();
        } finally {
            compose.run(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        }
    }

    /**
     * The registry's users as an operator keeps them: in a directory only its owner may enter, the
     * file itself readable by the container's user (uid 10001), which a compose secret is mounted as is.
     */
    private Path registryUsers() throws Exception {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path file = dir.resolve("registry-users.properties");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(file, passwords.entrySet().stream()
                .filter(account -> !List.of("admin", "registry").contains(account.getKey()))
                .map(account -> account.getKey() + " = " + (account.getKey().equals("analyst") ? "read:" : "write:") + account.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /** An analyst reading in a consumer group of its own prefix, the only groups its account may use. */
    private Properties analystReader(Path certificate) {
        Properties props = client("analyst", passwords.get("analyst"), certificate);
        props.put("group.id", "analyst-system-test-" + java.util.UUID.randomUUID());
        return props;
    }

    private static Properties client(String account, String password, Path certificate) {
        Properties props = new Properties();
        props.put("security.protocol", "SASL_SSL");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + account + "\" password=\"" + password + "\";");
        props.put("ssl.truststore.type", "PEM");
        props.put("ssl.truststore.location", certificate.toString());
        return props;
    }

    /** Partitions of {@code topic} as this client sees them (metadata needs DESCRIBE on it). */
    private static int partitions(String bootstrap, Properties client, Topic<?, ?> topic) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("bootstrap.servers", bootstrap);
        props.put("default.api.timeout.ms", "20000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(20)).size();
        }
    }
}
