package org.bluelight.routing;

import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real Andorra extract vendored under ops/maps, imported once per test JVM (graph cached under target/). */
public final class AndorraMap {

    private static RoadNetwork network;

    private AndorraMap() {
    }

    public static Path osmFile() {
        Path file = Path.of("..", "ops", "maps", "andorra.osm.pbf").toAbsolutePath().normalize();
        if (!Files.isReadable(file))
            throw new IllegalStateException("missing " + file + "; tests run with the routing module as working directory");
        return file;
    }

    public static Path graphCache() {
        return Path.of("target", "graph-cache").toAbsolutePath();
    }

    public static synchronized RoadNetwork network() {
        if (network == null)
            network = RoadNetwork.open(NetworkConfig.of(osmFile(), graphCache()));
        return network;
    }
}
