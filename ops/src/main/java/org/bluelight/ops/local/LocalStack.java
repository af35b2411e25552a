package org.bluelight.ops.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services started in order and stopped in reverse order. When one fails to start, those already
 * running are stopped before the failure is thrown, so a failed start leaves nothing behind.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final List<LocalService> services;
    private final Consumer<String> progress;
    private final Deque<LocalService> running = new ArrayDeque<>();

    /** @param progress receives one line per service started or stopped */
    public LocalStack(List<LocalService> services, Consumer<String> progress) {
        this.services = List.copyOf(services);
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** @throws LocalStackException naming the service that failed */
    public synchronized void start() {
        if (!running.isEmpty()) {
            throw new IllegalStateException("The local stack is already running");
        }
        for (LocalService service : services) {
            progress.accept("Starting " + service.name() + " ...");
            long startedAt = System.nanoTime();
            try {
                service.start();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.error("{} failed to start", service.name(), e);
                close();
                throw new LocalStackException(service.name() + " failed to start: " + e.getMessage(), e);
            }
            running.push(service);
            log.info("{} started in {} ms", service.name(), (System.nanoTime() - startedAt) / 1_000_000);
        }
    }

    /** The summary lines of every service, in start order. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        services.forEach(service -> lines.addAll(service.summary()));
        return lines;
    }

    /** Stops the running services, last started first; a failure to stop one does not keep the others running. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            LocalService service = running.pop();
            progress.accept("Stopping " + service.name() + " ...");
            try {
                service.close();
            } catch (RuntimeException e) {
                log.error("{} did not stop cleanly", service.name(), e);
                progress.accept(service.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
