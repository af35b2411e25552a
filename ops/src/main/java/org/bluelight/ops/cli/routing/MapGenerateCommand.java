package org.bluelight.ops.cli.routing;

import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.GeneratedMap;
import org.bluelight.routing.mapgen.MapPreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code map generate}: writes a synthetic county as OSM XML, the same file for the same preset and seed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates a synthetic road map (OSM XML; gzipped if --out ends in .gz).")
public final class MapGenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", defaultValue = "town", description = "town (6 x 5 km) or county (50 x 40 km) (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", description = "output file (default: target/maps/PRESET-SEED.osm.gz)")
    Path out;

    @Override
    public Integer call() throws Exception {
        MapPreset chosen;
        try {
            chosen = MapPreset.valueOf(preset.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--preset must be town or county, was " + preset);
        }
        Path file = out != null ? out : Path.of("target", "maps", chosen.name().toLowerCase(Locale.ROOT) + "-" + seed + ".osm.gz");
        long start = System.nanoTime();
        GeneratedMap map = CountyGenerator.generate(chosen, seed, file);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: preset %s, seed %d, %d nodes, %d ways, bounds %.5f,%.5f %.5f,%.5f in %d ms%n",
                map.file(), chosen.name().toLowerCase(Locale.ROOT), seed, map.nodes(), map.ways(), map.minLat(), map.minLon(),
                map.maxLat(), map.maxLon(), (System.nanoTime() - start) / 1_000_000);
        return 0;
    }
}
