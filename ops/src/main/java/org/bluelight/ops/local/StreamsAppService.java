package org.bluelight.ops.local;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bluelight.runtime.StreamsApp;

/** One streams app (dispatch, coverage, metrics) embedded in the local stack's JVM. */
public final class StreamsAppService implements LocalService {

    private final String name;
    private final String endpoints;
    private final Supplier<StreamsApp> factory;
    private StreamsApp app;

    /**
     * @param name      e.g. {@code "dispatch app"}
     * @param endpoints the app's own HTTP routes, listed in the summary
     * @param factory   builds the app (not started); called at start, once the services before it are up
     */
    public StreamsAppService(String name, String endpoints, Supplier<StreamsApp> factory) {
        this.name = name;
        this.endpoints = endpoints;
        this.factory = factory;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start() {
        app = factory.get();
        try {
            app.start();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** The running app; empty before {@link #start()}. */
    public Optional<StreamsApp> app() {
        return Optional.ofNullable(app);
    }

    @Override
    public List<String> summary() {
        String label = (name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1) + ":");
        return List.of(String.format("%-24s http://127.0.0.1:%d  (/health, /metrics%s)", label, app.httpPort(),
                endpoints.isEmpty() ? "" : ", " + endpoints));
    }

    @Override
    public void close() {
        app.close();
    }
}
