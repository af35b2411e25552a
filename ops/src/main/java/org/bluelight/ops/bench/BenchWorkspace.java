package org.bluelight.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** What a benchmark that runs its own stack needs around it: free ports and a fresh work directory. */
public final class BenchWorkspace {

    private BenchWorkspace() {
    }

    /**
     * Where ports are picked: at or above this and below the kernel's ephemeral range. A port picked by
     * binding port 0 lies in that range, so before the service bound it any outgoing connection could take
     * it as its local port (the fuzz IT's coverage app found its HTTP port taken so, 2026-12-05).
     */
    static final int LOWEST_PORT = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default start of the ephemeral range, when the kernel does not say. */
    private static final int EPHEMERAL_DEFAULT = 32_768;

    /** {@code count} distinct ports free on this machine now, below the ephemeral range. */
    public static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = bindFreePort();
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            closeAll(held);
        }
    }

    /**
     * The first of {@code count} consecutive ports all free on this machine now, below the ephemeral
     * range, for services that take the ports after a base (the local stack's apps and console).
     */
    public static int freePortRange(int count) throws IOException {
        int high = ephemeralLow();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = LOWEST_PORT + ThreadLocalRandom.current().nextInt(Math.max(1, high - LOWEST_PORT - count));
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("No " + count + " consecutive free ports found between " + LOWEST_PORT + " and " + high);
    }

    /** The first port of the kernel's ephemeral range (outgoing connections' local ports). */
    static int ephemeralLow() {
        try {
            int low = Integer.parseInt(Files.readString(EPHEMERAL_RANGE).trim().split("\\s+")[0]);
            return low > LOWEST_PORT + 1_000 ? low : EPHEMERAL_DEFAULT;
        } catch (IOException | RuntimeException unknown) {
            return EPHEMERAL_DEFAULT;
        }
    }

    private static ServerSocket bindFreePort() throws IOException {
        int high = ephemeralLow();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            try {
                return new ServerSocket(LOWEST_PORT + ThreadLocalRandom.current().nextInt(high - LOWEST_PORT));
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new IOException("No free port found between " + LOWEST_PORT + " and " + high);
    }

    private static boolean allFree(int base, int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int port = base; port < base + count; port++) {
                sockets.add(new ServerSocket(port));
            }
            return true;
        } catch (IOException taken) {
            return false;
        } finally {
            closeAll(sockets);
        }
    }

    private static void closeAll(List<ServerSocket> sockets) {
        for (ServerSocket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a probe socket: nothing to do
            }
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
