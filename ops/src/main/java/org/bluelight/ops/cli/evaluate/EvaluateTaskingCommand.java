package org.bluelight.ops.cli.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bluelight.dispatch.patrol.PatrolSettings;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.Evaluator;
import org.bluelight.simulator.evaluation.RecommenderPolicy;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.map.NetworkPlaces;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioException;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.bluelight.simulator.tasking.TaskingEvaluator;
import org.bluelight.simulator.tasking.TaskingReport;
import org.bluelight.simulator.tasking.TrialSites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluate-tasking}: the recommender alone, with move-ups, and with hot-spot patrol tasking, on the same seeds. */
@Command(name = "evaluate-tasking", mixinStandardHelpOptions = true,
        description = "Measures move-up recommendations and hot-spot patrol tasking against the recommender alone (common random numbers).")
public final class EvaluateTaskingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "4", description = "simulated days, warm-up included (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--warmup", defaultValue = "1", description = "warm-up days not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--replications", defaultValue = "3", description = "independent replications (default: ${DEFAULT-VALUE})")
    int replications;

    @Option(names = "--scenario", defaultValue = "west-midlands",
            description = "a preset (andorra, west-midlands) or a scenario YAML file (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--osm", description = "OSM extract to run on instead of the scenario's map")
    Path osm;

    @Option(names = "--work-dir", defaultValue = "target/simulator",
            description = "graph cache, generated maps and results (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--hot-spots", defaultValue = "" + TrialSites.TRIAL_HOT_SPOTS,
            description = "hot spots in the trial, half in treatment each day, chosen as the busiest crime places away "
                    + "from stations; 0 takes the scenario's demand hot spots (default: ${DEFAULT-VALUE}, as in the "
                    + "Thames Valley trial)")
    int hotSpots;

    @Option(names = "--visits", defaultValue = "8",
            description = "patrol visits per treatment hot spot a day (default: ${DEFAULT-VALUE})")
    int visits;

    @Option(names = "--visit-minutes", defaultValue = "15",
            description = "length of a patrol visit (default: ${DEFAULT-VALUE}, the trial app's)")
    int visitMinutes;

    @Option(names = "--no-progress", description = "do not draw the progress bar on stderr")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Scenario chosen;
        EvaluationPlan plan;
        PatrolSettings patrol;
        try {
            chosen = ScenarioFile.load(scenario);
            plan = new EvaluationPlan(chosen, days, warmup, replications, List.of(RecommenderPolicy.NAME));
            PatrolSettings defaults = PatrolSettings.defaults();
            patrol = new PatrolSettings(Duration.ofMinutes(visitMinutes), visits, defaults.detectability(),
                    defaults.maxTravel(), defaults.moveKmh(), defaults.minGap(), defaults.keepAvailable(),
                    defaults.shiftEndMargin());
            if (hotSpots < 0) {
                throw new IllegalArgumentException("--hot-spots must be >= 0");
            }
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path osmFile = MapSource.resolve(chosen.map(), osm, workDir);
        spec.commandLine().getErr().println("opening road network " + osmFile + " ...");
        try (RoadNetwork network = MapSource.open(osmFile, workDir)) {
            NetworkPlaces places = new NetworkPlaces(network);
            TaskingEvaluator evaluator = new TaskingEvaluator(new Evaluator(network), places);
            List<HotSpotSpec> trial = hotSpots == 0 ? chosen.demand().hotSpots() : TrialSites.choose(chosen, places, hotSpots);
            ProgressBar bar = noProgress ? null : new ProgressBar(System.err, plan.replications() * 3);
            TaskingReport report = evaluator.run(plan, trial, patrol, bar);
            String text = report.text() + String.format(Locale.ROOT, "map %s; wall clock %.1f s%n",
                    osmFile.getFileName(), report.wallSeconds());
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve("tasking.txt"), text);
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
