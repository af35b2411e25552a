package org.bluelight.ops.cli;

import java.nio.file.Path;
import org.bluelight.routing.network.NetworkConfig;
import picocli.CommandLine.Option;

/** The road map a command opens, and where its imported graph is kept. */
public final class MapOptions {

    @Option(names = "--osm", required = true, description = "OSM extract (.osm.pbf, .osm, .osm.gz)")
    private Path osm;

    @Option(names = "--graph-cache", defaultValue = "data/graph-cache", description = "imported graphs (default: ${DEFAULT-VALUE})")
    private Path graphCache;

    public Path osm() {
        return osm;
    }

    public NetworkConfig config() {
        return NetworkConfig.of(osm, graphCache);
    }
}
