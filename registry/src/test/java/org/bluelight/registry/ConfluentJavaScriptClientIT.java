package org.bluelight.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerde;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interoperability with Confluent's own JavaScript serdes ({@code @confluentinc/schemaregistry}
 * from npm, installed under {@code target/}): both sides talk to our registry server, and each
 * side's bytes must equal the other's and read back. Skipped, with the reason, when node or npm
 * is missing or the package cannot be installed.
 */
class ConfluentJavaScriptClientIT {

    @RegisterExtension
    static final KafkaCluster kafka = KafkaCluster.singleNode();

    private static final Path WORK = Path.of("target", "js-interop");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SchemaRegistryServer registry;
    private static RegistryClient client;

    @BeforeAll
    static void installClientAndStartRegistry() throws Exception {
        assumeTrue(succeeds(Path.of("."), 30, "node", "--version"),
                "node is not installed: skipping interoperability with Confluent's JavaScript client");
        assumeTrue(succeeds(Path.of("."), 30, "npm", "--version"),
                "npm is not installed: skipping interoperability with Confluent's JavaScript client");
        Files.createDirectories(WORK);
        copyResource("package.json");
        copyResource("confluent-serde.js");
        if (!Files.isDirectory(WORK.resolve("node_modules/@confluentinc/schemaregistry"))) {
            Result install = run(WORK, 300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
            assumeTrue(install.exitCode() == 0,
                    "npm install @confluentinc/schemaregistry failed, skipping: " + install.output());
        }
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(kafka.bootstrapServers()));
        client = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void valueBytesAreIdenticalAndReadableBothWays() throws Exception {
        String topic = "interop.telematics";
        PositionFix fix = PositionFix.newBuilder()
                .setOfficerId("U-17")
                .setFixedAt(Instant.ofEpochMilli(1_700_000_000_123L))
                .setPosition(new GeoPoint(51.5, -0.125))
                .setSpeedMps(12.5f)
                .setHeadingDegrees(null)
                .setAccuracyMeters(3.25f)
                .build();
        String fixAsJs = "{\"officerId\":\"U-17\",\"fixedAt\":1700000000123,\"position\":{\"lat\":51.5,\"lon\":-0.125},"
                + "\"speedMps\":12.5,\"headingDegrees\":null,\"accuracyMeters\":3.25}";

        byte[] theirs = HexFormat.of().parseHex(node("serialize", "value", topic, fixAsJs,
                PositionFix.getClassSchema().toString()));
        AvroSerde<PositionFix> serde = AvroSerdes.value(PositionFix.class, client);
        byte[] ours = serde.serializer().serialize(topic, fix);

        assertThat(ours).isEqualTo(theirs);
        assertThat(theirs[0]).as("magic byte").isZero();
        assertThat(serde.deserializer().deserialize(topic, theirs)).isEqualTo(fix);
        JsonNode readByThem = JSON.readTree(node("deserialize", "value", topic, HexFormat.of().formatHex(ours)));
        assertThat(readByThem).isEqualTo(JSON.readTree(fixAsJs));
    }

    @Test
    void avroKeyBytesAreIdenticalAndReadableBothWays() throws Exception {
        String topic = "interop.hotspot-trial";
        HotSpotDayKey key = new HotSpotDayKey("HS-7", LocalDate.of(2024, 3, 1));
        String keyAsJs = "{\"hotSpotId\":\"HS-7\",\"trialDay\":19783}";

        AvroSerde<HotSpotDayKey> serde = AvroSerdes.key(HotSpotDayKey.class, client);
        byte[] ours = serde.serializer().serialize(topic, key);
        byte[] theirs = HexFormat.of().parseHex(node("serialize", "key", topic, keyAsJs,
                HotSpotDayKey.getClassSchema().toString()));

        assertThat(theirs).isEqualTo(ours);
        assertThat(client.versions(topic + "-key")).as("one schema, one version").containsExactly(1);
        assertThat(serde.deserializer().deserialize(topic, theirs)).isEqualTo(key);
        assertThat(JSON.readTree(node("deserialize", "key", topic, HexFormat.of().formatHex(ours))))
                .isEqualTo(JSON.readTree(keyAsJs));
    }

    private static String node(String... args) {
        List<String> command = new ArrayList<>(List.of("node", "confluent-serde.js"));
        command.add(args[0]);
        command.add(args[1]);
        command.add(registry.uri().toString());
        for (int i = 2; i < args.length; i++) {
            command.add(args[i]);
        }
        Result result = run(WORK, 60, command.toArray(String[]::new));
        assertThat(result.exitCode()).as("node %s failed: %s", args[0], result.output()).isZero();
        return result.output().trim();
    }

    private record Result(int exitCode, String output) {}

    private static boolean succeeds(Path dir, int seconds, String... command) {
        try {
            return run(dir, seconds, command).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static Result run(Path dir, int seconds, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
            process.getOutputStream().close();
            byte[] stdout;
            byte[] stderr;
            try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
                stdout = out.readAllBytes();
                stderr = err.readAllBytes();
            }
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + seconds + " s");
            }
            String output = new String(stdout, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), process.exitValue() == 0 ? output
                    : output + new String(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyResource(String name) throws IOException {
        try (InputStream in = ConfluentJavaScriptClientIT.class.getResourceAsStream("/interop/" + name)) {
            Files.copy(in, WORK.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
