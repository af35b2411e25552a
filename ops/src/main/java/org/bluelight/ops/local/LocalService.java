package org.bluelight.ops.local;

import java.util.List;

/**
 * One component of the local stack (the broker, the registry, topic provisioning, later each
 * streams app and the simulator). {@link LocalStack} starts them in order, so a service may rely
 * on every service before it, and stops them in reverse order.
 */
public interface LocalService extends AutoCloseable {

    /** A short name for progress messages, e.g. {@code "Kafka broker"}. */
    String name();

    /** Starts the service and returns once it is ready for the services after it. */
    void start() throws Exception;

    /** Lines to print once the whole stack is up (addresses, counts); may be empty. */
    List<String> summary();

    /** Stops the service; called only after a successful {@link #start()}. */
    @Override
    void close();
}
