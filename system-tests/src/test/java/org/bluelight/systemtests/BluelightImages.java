package org.bluelight.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The project's images, built from {@code ops/docker/Dockerfile} (target {@code runtime}) with the
 * launcher jar this Maven run has just packaged, on the local base image when
 * {@code ops/docker/engine.sh} made one and on the public Java image otherwise.
 */
final class BluelightImages {

    private static final Logger log = LoggerFactory.getLogger(BluelightImages.class);

    /** The local bases ops/docker/engine.sh builds from Debian's packages, and their public equivalents. */
    static final String LOCAL_JRE = "bluelight/jre:17";
    static final String PUBLIC_JRE = "eclipse-temurin:17-jre";
    static final String LOCAL_PROMETHEUS = "bluelight/prometheus:1";
    static final String PUBLIC_PROMETHEUS = "prom/prometheus:v3.5.0";

    /** The five processes: launcher command and HTTP port of each. */
    enum Image {
        BROKER("broker", "broker --health-port 8080 --data-dir /var/lib/bluelight", 8080),
        REGISTRY("registry", "registry --host 0.0.0.0 --port 8081", 8081),
        DISPATCH("dispatch", "app dispatch", 8090),
        COVERAGE("coverage", "app coverage", 8091),
        METRICS("metrics", "app metrics", 8092);

        final String app;
        final String command;
        final int port;

        Image(String app, String command, int port) {
            this.app = app;
            this.command = command;
            this.port = port;
        }
    }

    private static final Map<Image, String> BUILT = new ConcurrentHashMap<>();

    private BluelightImages() {
    }

    static Path root() {
        return Path.of(System.getProperty("bluelight.root", "..")).toAbsolutePath().normalize();
    }

    static String baseImage() {
        return DockerEngine.hasImage(LOCAL_JRE) ? LOCAL_JRE : PUBLIC_JRE;
    }

    static String prometheusImage() {
        return DockerEngine.hasImage(LOCAL_PROMETHEUS) ? LOCAL_PROMETHEUS : PUBLIC_PROMETHEUS;
    }

    /** The image's name, built on first use in this JVM. */
    static String of(Image image) {
        return BUILT.computeIfAbsent(image, BluelightImages::build);
    }

    private static String build(Image image) {
        Path root = root();
        Path jar = root.resolve("ops/target/bluelight.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the system tests run after `mvn package` of ops");
        }
        String name = "bluelight/" + image.app + ":system-test";
        String base = baseImage();
        log.info("Building {} on {}", name, base);
        try {
            return new ImageFromDockerfile(name, false)
                    .withDockerfilePath("ops/docker/Dockerfile")
                    .withFileFromPath("ops/docker/Dockerfile", root.resolve("ops/docker/Dockerfile"))
                    .withFileFromPath("ops/maps", root.resolve("ops/maps"))
                    .withFileFromPath("ops/target/bluelight.jar", jar)
                    .withTarget("runtime")
                    .withBuildArg("BASE_IMAGE", base)
                    .withBuildArg("APP", image.app)
                    .withBuildArg("COMMAND", image.command)
                    .withBuildArg("PORT", String.valueOf(image.port))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not build " + name + ": " + e.getMessage(), e);
        }
    }
}
