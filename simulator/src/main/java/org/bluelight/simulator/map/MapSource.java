package org.bluelight.simulator.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.scenario.ScenarioException;

/**
 * Finds the OSM file a run uses: {@code --osm FILE} when given, else the scenario's map, where {@code andorra} is
 * the bundled extract (ops/maps/andorra.osm.pbf, looked up from the working directory and its parent) and
 * {@code county-SEED} the routing module's generated county, written under the work directory on first use.
 */
public final class MapSource {

    private MapSource() {
    }

    public static Path resolve(String scenarioMap, Path osmOverride, Path workDir) {
        if (osmOverride != null) {
            if (!Files.isRegularFile(osmOverride)) {
                throw new ScenarioException("no OSM file " + osmOverride.toAbsolutePath());
            }
            return osmOverride;
        }
        if (scenarioMap.equals("andorra")) {
            for (Path candidate : List.of(Path.of("ops", "maps", "andorra.osm.pbf"), Path.of("..", "ops", "maps", "andorra.osm.pbf"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate.toAbsolutePath().normalize();
                }
            }
            throw new ScenarioException("map andorra: ops/maps/andorra.osm.pbf not found from " + Path.of("").toAbsolutePath()
                    + "; run from the project root or pass --osm FILE");
        }
        if (scenarioMap.startsWith("county-")) {
            long seed;
            try {
                seed = Long.parseLong(scenarioMap.substring("county-".length()));
            } catch (NumberFormatException e) {
                throw new ScenarioException("map " + scenarioMap + ": expected county-SEED with a numeric seed");
            }
            Path file = workDir.resolve("maps").resolve("county-" + seed + ".osm.gz");
            if (!Files.isRegularFile(file)) {
                try {
                    CountyGenerator.generate(MapPreset.COUNTY, seed, file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write generated map " + file, e);
                }
            }
            return file;
        }
        throw new ScenarioException("unknown map '" + scenarioMap + "': use andorra, county-SEED or --osm FILE");
    }

    /** Opens (importing on first use) the network, its graph cached under the work directory. */
    public static RoadNetwork open(Path osmFile, Path workDir) {
        return RoadNetwork.open(NetworkConfig.of(osmFile, workDir.resolve("graph-cache")));
    }
}
