package org.bluelight.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What a benchmark that runs its own stack needs around it: free ports and a fresh work directory. */
public final class BenchWorkspace {

    private BenchWorkspace() {
    }

    /** {@code count} distinct ports free on this machine now. */
    public static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * The first of {@code count} consecutive ports all free on this machine now, for services that
     * take the ports after a base (the local stack's apps and console).
     */
    public static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base;
            try (ServerSocket probe = new ServerSocket(0)) {
                base = probe.getLocalPort();
            }
            if (base + count <= 65535 && allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("No " + count + " consecutive free ports found");
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
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket: nothing to do
                }
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
