package org.bluelight.ops.local;

import java.nio.file.Path;
import java.util.List;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;

/** Opens the road network once for every app in the JVM (the graph is imported on first use, then cached). */
public final class RoadNetworkService implements LocalService {

    private final Path osmFile;
    private final Path graphCacheDir;
    private RoadNetwork network;

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
    }

    /** The open network; only after {@link #start()}. */
    public RoadNetwork network() {
        if (network == null) {
            throw new IllegalStateException("The road network is not open yet");
        }
        return network;
    }

    @Override
    public List<String> summary() {
        return List.of(String.format("Road network:            %s (%,d junctions)", osmFile.getFileName(), network.nodeCount()));
    }

    @Override
    public void close() {
        network.close();
    }
}
