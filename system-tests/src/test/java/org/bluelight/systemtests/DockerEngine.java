package org.bluelight.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers. In CI ({@code CI=true}) the system tests fail without one,
 * since a skipped system test there would pass unnoticed; on a developer machine they are skipped.
 */
final class DockerEngine {

    private DockerEngine() {
    }

    static void require() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        String hint = "No Docker engine answers: run ops/docker/engine.sh (installs docker.io, starts dockerd, builds the local base images)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(hint);
        }
        Assumptions.abort(hint);
    }

    /** Whether the engine has {@code image} already (built by ops/docker/engine.sh, or pulled before). */
    static boolean hasImage(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }
}
