package org.bluelight.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bluelight.systemtests.BluelightImages.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.MountableFile;

/**
 * Bluelight as containers on one Docker network, each from the project's images: the broker
 * ({@code kafka}), the schema registry ({@code schema-registry}), the three streams apps
 * ({@code streams-dispatch}, {@code streams-coverage}, {@code streams-metrics}, the names
 * {@code ops/prometheus} scrapes) and Prometheus with the project's configuration.
 *
 * <p>The host reaches the broker through a second listener advertised as {@code localhost} on a
 * fixed port, and everything else through mapped ports. Each container's output goes to
 * {@code target/containers/<name>.log}.
 */
final class BluelightStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BluelightStack.class);
    static final Duration STARTUP = Duration.ofMinutes(4);
    static final String KAFKA = "kafka";
    static final String DOCKER_BOOTSTRAP = KAFKA + ":19092";
    static final int HOST_LISTENER = 29092;

    private final Network network = Network.newNetwork();
    private final int kafkaHostPort = freePort();
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final Path logs = BluelightImages.root().resolve("system-tests/target/containers");
    final GenericContainer<?> broker;
    final GenericContainer<?> registry;
    GenericContainer<?> dispatch;
    final GenericContainer<?> coverage;
    final GenericContainer<?> metrics;
    final GenericContainer<?> prometheus;

    private BluelightStack() {
        clearLogs();
        broker = named(new FixedHostPortGenericContainer<>(BluelightImages.of(Image.BROKER)), KAFKA, Image.BROKER.port)
                .withFixedExposedPort(kafkaHostPort, HOST_LISTENER);
        broker.withCommand("--partitions", "2",
                        "--listener", "DOCKER://0.0.0.0:19092", "--advertised-listener", "DOCKER://" + DOCKER_BOOTSTRAP,
                        "--listener", "HOST://0.0.0.0:" + HOST_LISTENER, "--advertised-listener", "HOST://localhost:" + kafkaHostPort);
        registry = named(new GenericContainer<>(BluelightImages.of(Image.REGISTRY)), "schema-registry", Image.REGISTRY.port)
                .withCommand("--bootstrap-servers", DOCKER_BOOTSTRAP);
        dispatch = dispatchContainer();
        coverage = app(Image.COVERAGE, "streams-coverage");
        metrics = app(Image.METRICS, "streams-metrics");
        Path config = BluelightImages.root().resolve("ops/prometheus");
        prometheus = new GenericContainer<>(BluelightImages.prometheusImage())
                .withNetwork(network).withNetworkAliases("prometheus").withExposedPorts(9090)
                .withCopyFileToContainer(MountableFile.forHostPath(config.resolve("prometheus.yml"), 0644),
                        "/etc/prometheus/prometheus.yml")
                .withCopyFileToContainer(MountableFile.forHostPath(config.resolve("targets/streams-apps.json"), 0644),
                        "/etc/prometheus/targets/streams-apps.json")
                .withLogConsumer(toFile("prometheus"))
                .waitingFor(Wait.forHttp("/-/ready").forPort(9090).forStatusCode(200).withStartupTimeout(STARTUP));
    }

    /** Builds the images if needed and starts the broker, then the registry, then the rest together. */
    static BluelightStack start() {
        long startedAt = System.nanoTime();
        BluelightStack stack = new BluelightStack();
        try {
            stack.startAll(List.of(stack.broker));
            stack.startAll(List.of(stack.registry));
            stack.startAll(List.of(stack.dispatch, stack.coverage, stack.metrics, stack.prometheus));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        log.info("Stack up in {} s", (System.nanoTime() - startedAt) / 1_000_000_000);
        return stack;
    }

    private void startAll(List<GenericContainer<?>> batch) {
        containers.addAll(batch);
        Startables.deepStart(batch).join();
    }

    /** Bootstrap servers for clients on the host. */
    String bootstrapServers() {
        return "localhost:" + kafkaHostPort;
    }

    String registryUrl() {
        return url(registry, Image.REGISTRY.port, "");
    }

    List<GenericContainer<?>> apps() {
        return List.of(dispatch, coverage, metrics);
    }

    List<GenericContainer<?>> withHealth() {
        return List.of(broker, registry, dispatch, coverage, metrics);
    }

    static String url(GenericContainer<?> container, int port, String path) {
        return "http://localhost:" + container.getMappedPort(port) + path;
    }

    static URI health(GenericContainer<?> container) {
        int port = container.getExposedPorts().get(0);
        return URI.create(url(container, port, "/health"));
    }

    String dispatchUrl(String path) {
        return url(dispatch, Image.DISPATCH.port, path);
    }

    /** {@code docker kill} of the dispatch container: SIGKILL, no clean shutdown, no commit. */
    void killDispatch() {
        DockerClientFactory.instance().client().killContainerCmd(dispatch.getContainerId()).exec();
        log.info("Killed {}", dispatch.getContainerName());
    }

    /** A new dispatch container (new process, empty local state) in place of the killed one. */
    void replaceDispatch() {
        GenericContainer<?> killed = dispatch;
        containers.remove(killed);
        killed.stop();
        dispatch = dispatchContainer();
        startAll(List.of(dispatch));
    }

    /** {@code docker pause} of the broker for {@code duration}, then {@code docker unpause}. */
    void pauseBroker(Duration duration) throws InterruptedException {
        var docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(broker.getContainerId()).exec();
        log.info("Paused the broker for {} s", duration.toSeconds());
        try {
            Thread.sleep(duration.toMillis());
        } finally {
            docker.unpauseContainerCmd(broker.getContainerId()).exec();
        }
    }

    /** How often Docker restarted the container, and when its current process started. */
    static String lifecycle(GenericContainer<?> container) {
        var state = DockerClientFactory.instance().client().inspectContainerCmd(container.getContainerId()).exec();
        return state.getRestartCount() + "@" + state.getState().getStartedAt();
    }

    private GenericContainer<?> dispatchContainer() {
        return app(Image.DISPATCH, "streams-dispatch");
    }

    private GenericContainer<?> app(Image image, String alias) {
        return named(new GenericContainer<>(BluelightImages.of(image)), alias, image.port)
                .withEnv("BLUELIGHT_BOOTSTRAP_SERVERS", DOCKER_BOOTSTRAP)
                .withEnv("BLUELIGHT_SCHEMA_REGISTRY_URL", "http://schema-registry:" + Image.REGISTRY.port)
                // A killed member leaves the group after 6 s instead of 45: its replacement takes over sooner.
                .withEnv("BLUELIGHT_KAFKA_SESSION_TIMEOUT_MS", "6000")
                .withEnv("BLUELIGHT_JAVA_OPTS", "-Xmx768m");
    }

    private <C extends GenericContainer<?>> C named(C container, String alias, int port) {
        container.withNetwork(network).withNetworkAliases(alias).withExposedPorts(port)
                .withLogConsumer(toFile(alias))
                .waitingFor(Wait.forHttp("/health").forPort(port).forStatusCode(200).withStartupTimeout(STARTUP));
        return container;
    }

    /** Logs of an earlier run go; a replaced container's output follows its predecessor's in the same file. */
    private void clearLogs() {
        try (var files = Files.exists(logs) ? Files.list(logs) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Consumer<OutputFrame> toFile(String name) {
        Path file = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame -> {
            try {
                Files.writeString(file, frame.getUtf8String(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Removes every container and the network (Ryuk, which would do it otherwise, may be unavailable). */
    @Override
    public void close() {
        for (int i = containers.size() - 1; i >= 0; i--) {
            containers.get(i).stop();
        }
        network.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
