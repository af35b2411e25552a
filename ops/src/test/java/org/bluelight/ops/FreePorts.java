package org.bluelight.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Distinct loopback ports free at the time of asking, for tests that must name their ports. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int[] take(int count) {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            ports.add(one());
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
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

    private static int one() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
