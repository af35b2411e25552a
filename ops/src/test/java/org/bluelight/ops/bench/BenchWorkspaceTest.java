package org.bluelight.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenchWorkspaceTest {

    @Test
    void freePortsAreDistinctBindableAndBelowTheEphemeralRange() throws Exception {
        int[] ports = BenchWorkspace.freePorts(20);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
        assertThat(Arrays.stream(ports).boxed()).allSatisfy(port ->
                assertThat(port).isBetween(BenchWorkspace.LOWEST_PORT, BenchWorkspace.ephemeralLow() - 1));
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aRangeOfFreePortsIsBindableWholeAndBelowTheEphemeralRange() throws Exception {
        int base = BenchWorkspace.freePortRange(4);

        assertThat(base).isGreaterThanOrEqualTo(BenchWorkspace.LOWEST_PORT);
        assertThat(base + 3).isLessThan(BenchWorkspace.ephemeralLow());
        for (int port = base; port < base + 4; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
