package org.bluelight.ops.cli.evaluate;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.Scenario;
import picocli.CommandLine.Option;

/** The options every simulator run shares: the map, where its files go, and the progress bar. */
final class SimulatorOptions {

    @Option(names = "--osm", description = "OSM extract to run on instead of the scenario's map")
    Path osm;

    @Option(names = "--work-dir", defaultValue = "target/simulator",
            description = "graph cache, generated maps and results (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--no-progress", description = "do not draw the progress bar on stderr")
    boolean noProgress;

    /** The OSM file of the scenario's map, or --osm. */
    Path osmFile(Scenario scenario) {
        return MapSource.resolve(scenario.map(), osm, workDir);
    }

    /** The scenario's road network (or --osm's), generated and imported on first use. */
    RoadNetwork open(Scenario scenario, PrintWriter err) {
        Path osmFile = osmFile(scenario);
        err.println("opening road network " + osmFile + " ...");
        return MapSource.open(osmFile, workDir);
    }

    ProgressBar progress(int steps) {
        return noProgress ? null : new ProgressBar(System.err, steps);
    }
}
