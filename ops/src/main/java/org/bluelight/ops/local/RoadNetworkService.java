package org.bluelight.ops.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.network.SearchWarmUp;

/** Opens the road network once for every app in the JVM (the graph is imported on first use, then cached). */
public final class RoadNetworkService implements LocalService {

    private final Path osmFile;
    private final Path graphCacheDir;
    private RoadNetwork network;
    private SearchWarmUp.Outcome warmUp;

    public RoadNetworkService(Path osmFile, Path graphCacheDir) {
        this.osmFile = osmFile;
        this.graphCacheDir = graphCacheDir;
    }

    @Override
    public String name() {
        return "road network";
    }

    @Override
    public void start() {
        network = RoadNetwork.open(NetworkConfig.of(osmFile, graphCacheDir));
        warmUp = SearchWarmUp.DEFAULT.run(network, Instant.now());
    }

    /** The open network; only after {@link #start()}. */
    public RoadNetwork network() {
        if (network == null) {
            throw new IllegalStateException("The road network is not open yet");
        }
        return network;
    }

    /** The warm-up searches run when the network opened; only after {@link #start()}. */
    public SearchWarmUp.Outcome warmUp() {
        network();
        return warmUp;
    }

    @Override
    public List<String> summary() {
        return List.of(String.format("Road network:            %s (%,d junctions; routing warmed up by %d searches in %d ms)",
                osmFile.getFileName(), network.nodeCount(), warmUp.searches(), warmUp.took().toMillis()));
    }

    @Override
    public void close() {
        network.close();
    }
}
