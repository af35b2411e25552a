package org.bluelight.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.bluelight.runtime.FirstRecords;
import org.bluelight.runtime.deadletter.DeadLetterDeserializationHandler;
import org.bluelight.runtime.deadletter.DeadLetterProcessingHandler;
import org.bluelight.runtime.deadletter.DeadLetterProductionHandler;
import org.bluelight.runtime.deadletter.SourceStamp;
import org.bluelight.schemas.registry.BasicAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsAppConfigTest {

    @TempDir
    Path dir;

    @Test
    void anAppsLatencyDefaultsApplyUnlessConfigured() {
        StreamsAppConfig.LatencyDefaults latency = new StreamsAppConfig.LatencyDefaults(Duration.ofMillis(50), Duration.ofMillis(5));

        StreamsAppConfig defaults = StreamsAppConfig.from(ConfigSource.load(Optional.empty(), Map.of()), "bluelight-test", 8091, latency);
        assertThat(defaults.commitInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(defaults.streamsProperties())
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50")
                .containsEntry(StreamsConfig.producerPrefix("linger.ms"), "5");

        StreamsAppConfig configured = StreamsAppConfig.from(ConfigSource.load(Optional.empty(), Map.of(
                "BLUELIGHT_COMMIT_INTERVAL_MS", "20", "BLUELIGHT_KAFKA_PRODUCER_LINGER_MS", "0")), "bluelight-test", 8091, latency);
        assertThat(configured.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(configured.streamsProperties()).containsEntry(StreamsConfig.producerPrefix("linger.ms"), "0");
    }

    @Test
    void withNothingConfiguredUsesTheLocalStackDefaults() {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.load(Optional.empty(), Map.of()), "bluelight-test", 8091);

        assertThat(config.applicationId()).isEqualTo("bluelight-test");
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.registry().urls()).containsExactly(URI.create("http://127.0.0.1:8081"));
        assertThat(config.registry().basicAuth()).isEmpty();
        assertThat(config.registry().timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.registry().maxRetries()).isEqualTo(3);
        assertThat(config.registry().retryBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "bluelight-streams"));
        assertThat(config.http()).isEqualTo(new HttpSettings("127.0.0.1", 8091));
        assertThat(config.numStreamThreads()).isEqualTo(1);
        assertThat(config.replicationFactor()).isEqualTo(1);
        assertThat(config.clientSecurity()).isEmpty();
        assertThat(config.kafkaOverrides()).isEmpty();
        assertThat(config.deadLetterEnabled()).isTrue();
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.timestampsMaxAhead()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void fileValuesReplaceDefaultsAndEnvironmentReplacesFileValues() throws IOException {
        Path file = write("""
                application.id=dispatch-blue
                bootstrap.servers=kafka-1:9092,kafka-2:9092
                schema.registry.url=https://registry.example:8081
                schema.registry.basic.auth.user.info=svc:s3cret
                processing.guarantee=at_least_once
                commit.interval.ms=250
                state.dir=/var/lib/bluelight
                http.host=0.0.0.0
                http.port=9000
                num.stream.threads=4
                replication.factor=3
                dead.letter.enabled=false
                shutdown.timeout.ms=5000
                timestamps.max.ahead.ms=86400000
                """);
        Map<String, String> env = Map.of(
                "BLUELIGHT_BOOTSTRAP_SERVERS", "broker.prod:9093",
                "BLUELIGHT_HTTP_PORT", "9100",
                "BLUELIGHT_COMMIT_INTERVAL_MS", "20",
                "PATH", "/usr/bin");

        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.load(Optional.of(file), env), "ignored", 1);

        assertThat(config.applicationId()).isEqualTo("dispatch-blue");
        assertThat(config.bootstrapServers()).isEqualTo("broker.prod:9093");
        assertThat(config.registry().urls()).containsExactly(URI.create("https://registry.example:8081"));
        assertThat(config.registry().basicAuth()).contains(new BasicAuth("svc", "s3cret"));
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/bluelight"));
        assertThat(config.http()).isEqualTo(new HttpSettings("0.0.0.0", 9100));
        assertThat(config.numStreamThreads()).isEqualTo(4);
        assertThat(config.replicationFactor()).isEqualTo(3);
        assertThat(config.deadLetterEnabled()).isFalse();
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.timestampsMaxAhead()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void environmentVariableNameUpperCasesAndTurnsDotsAndDashesIntoUnderscores() {
        assertThat(ConfigSource.environmentVariable("bootstrap.servers")).isEqualTo("BLUELIGHT_BOOTSTRAP_SERVERS");
        assertThat(ConfigSource.environmentVariable("schema.registry.basic.auth.user.info"))
                .isEqualTo("BLUELIGHT_SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
        assertThat(ConfigSource.environmentVariable("trial.time-zone")).isEqualTo("BLUELIGHT_TRIAL_TIME_ZONE");
    }

    @Test
    void securitySettingsPassThroughFromFileAndEnvironment() throws IOException {
        Path file = write("""
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                ssl.truststore.location=/etc/kafka/truststore.jks
                """);
        Map<String, String> env = Map.of(
                "BLUELIGHT_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.plain.PlainLoginModule required;",
                "BLUELIGHT_SSL_TRUSTSTORE_PASSWORD", "changeit");

        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.load(Optional.of(file), env), "app", 0);
        Properties props = config.streamsProperties();

        assertThat(config.clientSecurity()).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location", "ssl.truststore.password");
        assertThat(props.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(props.getProperty("sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required;");
        assertThat(props.getProperty("ssl.truststore.password")).isEqualTo("changeit");
        assertThat(config.toString()).doesNotContain("changeit").doesNotContain("PlainLoginModule");
    }

    @Test
    void streamsPropertiesCarryTheTypedSettingsAndTheDeadLetterHandlers() {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "kafka.max.poll.records", "50",
                "num.stream.threads", "2")), "bluelight-coverage", 0);

        Properties props = config.streamsProperties();

        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "bluelight-coverage")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1")
                .containsEntry("max.poll.records", "50")
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProductionHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProcessingHandler.class.getName());
        // Kafka Streams accepts them as a whole.
        assertThat(new StreamsConfig(props).getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo("exactly_once_v2");
    }

    @Test
    void failoverSettingsApplyUnlessAKafkaOverrideChangesThem() {
        Properties defaults = StreamsAppConfig.from(ConfigSource.of(Map.of()), "bluelight-dispatch", 0).streamsProperties();
        Properties overridden = StreamsAppConfig.from(ConfigSource.of(Map.of("kafka.session.timeout.ms", "10000")),
                "bluelight-dispatch", 0).streamsProperties();

        assertThat(defaults).containsEntry("num.standby.replicas", "1")
                .containsEntry("session.timeout.ms", "6000")
                .containsEntry("heartbeat.interval.ms", "1500")
                .containsEntry("transaction.timeout.ms", "5000")
                .containsEntry("acceptable.recovery.lag", "50")
                .containsEntry("probing.rebalance.interval.ms", "60000");
        assertThat(overridden).containsEntry("session.timeout.ms", "10000");
        // Kafka Streams accepts the transaction timeout with the default commit interval.
        assertThat(new StreamsConfig(defaults).getInt(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(1);
    }

    @Test
    void everyAppLogsItsFirstRecordsReadAndWrittenWithoutLosingTheSourceStamp() {
        Properties props = StreamsAppConfig.from(ConfigSource.of(Map.of()), "bluelight-dispatch", 0).streamsProperties();

        assertThat(props.getProperty("main.consumer.interceptor.classes").split(","))
                .containsExactly(SourceStamp.class.getName(), FirstRecords.class.getName());
        assertThat(props).containsEntry("producer.interceptor.classes", FirstRecords.class.getName());
    }

    @Test
    void aKafkaOverrideOfATypedSettingIsRefused() {
        for (String key : List.of("kafka.processing.guarantee", "kafka.bootstrap.servers", "kafka.sasl.mechanism",
                "kafka.deserialization.exception.handler")) {
            ConfigSource source = ConfigSource.of(Map.of(key, "x"));
            assertThatThrownBy(() -> StreamsAppConfig.from(source, "app", 0))
                    .as(key)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void malformedValuesAreRefusedNamingTheKeyAndWhereTheValueCameFrom() throws IOException {
        Path file = write("num.stream.threads=two\n");
        assertThatThrownBy(() -> StreamsAppConfig.from(ConfigSource.load(Optional.of(file), Map.of()), "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("num.stream.threads='two'")
                .hasMessageContaining("file " + file);

        ConfigSource fromEnv = ConfigSource.load(Optional.empty(), Map.of("BLUELIGHT_PROCESSING_GUARANTEE", "exactly_once"));
        assertThatThrownBy(() -> StreamsAppConfig.from(fromEnv, "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("processing.guarantee='exactly_once'")
                .hasMessageContaining("BLUELIGHT_PROCESSING_GUARANTEE")
                .hasMessageContaining("exactly_once_v2, at_least_once");

        assertThatThrownBy(() -> StreamsAppConfig.from(ConfigSource.of(Map.of("dead.letter.enabled", "yes")), "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> StreamsAppConfig.from(ConfigSource.of(Map.of("schema.registry.url", "ftp://x")), "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> StreamsAppConfig.from(ConfigSource.of(Map.of("http.port", "70000")), "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> StreamsAppConfig.from(ConfigSource.of(Map.of("num.stream.threads", "0")), "app", 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("num.stream.threads");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> ConfigSource.load(Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void appsReadTheirOwnKeysWithTheSameOverrideRule() throws IOException {
        Path file = write("trial.time-zone=Europe/London\ncoverage.cell-size=8\n");
        ConfigSource source = ConfigSource.load(Optional.of(file), Map.of("BLUELIGHT_COVERAGE_CELL_SIZE", "9"));

        assertThat(source.string("trial.time-zone", "UTC")).isEqualTo("Europe/London");
        assertThat(source.integer("coverage.cell-size", 7)).isEqualTo(9);
        assertThat(source.origin("coverage.cell-size")).isEqualTo("environment variable BLUELIGHT_COVERAGE_CELL_SIZE");
        assertThat(source.integer("absent", 7)).isEqualTo(7);
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, text);
        return file;
    }
}
