package org.bluelight.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.bluelight.ops.bench.BenchWorkspace;

/** Distinct loopback ports free at the time of asking, for tests that must name their ports. */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct ports, picked as the benches pick theirs ({@link BenchWorkspace#freePorts}). */
    public static int[] take(int count) {
        try {
            return BenchWorkspace.freePorts(count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a server could bind {@code port} on loopback now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
