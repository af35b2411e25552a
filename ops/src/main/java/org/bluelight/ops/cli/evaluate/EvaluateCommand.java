package org.bluelight.ops.cli.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.EvaluationReport;
import org.bluelight.simulator.evaluation.Evaluator;
import org.bluelight.simulator.evaluation.ResultChart;
import org.bluelight.simulator.evaluation.ResultTable;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioException;
import org.bluelight.simulator.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluate}: compares dispatch policies in a discrete-event simulation (no Kafka), on real roads. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compares dispatch policies (random, nearest by straight line, the recommender) on a simulated force.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--days", defaultValue = "14", description = "simulated days, warm-up included (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--warmup", defaultValue = "7", description = "warm-up days not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--replications", defaultValue = "5", description = "independent replications (default: ${DEFAULT-VALUE})")
    int replications;

    @Option(names = "--policies", defaultValue = "random,nearest,recommender", split = ",",
            description = "policies to compare (default: ${DEFAULT-VALUE})")
    List<String> policies;

    @Option(names = "--scenario", defaultValue = ScenarioFile.DEFAULT_PRESET,
            description = "a preset (andorra, west-midlands) or a scenario YAML file (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--osm", description = "OSM extract to run on instead of the scenario's map")
    Path osm;

    @Option(names = "--incidents-per-week", description = "override the scenario's weekly demand")
    Double incidentsPerWeek;

    @Option(names = "--double-crew-share",
            description = "crew today's officers (or --officers-scale times them) with this share of double crews: a higher "
                    + "share means fewer crews (document 003's experiment)")
    Double doubleCrewShare;

    @Option(names = "--officers-scale", defaultValue = "1",
            description = "officers as a multiple of the scenario's, e.g. 1.2 for 20% more (default: ${DEFAULT-VALUE})")
    double officersScale;

    @Option(names = "--work-dir", defaultValue = "target/simulator",
            description = "graph cache, generated maps and results (default: ${DEFAULT-VALUE})")
    Path workDir;

    @Option(names = "--out", description = "CSV results file (default: WORK-DIR/evaluation.csv; the PNG chart goes beside it)")
    Path out;

    @Option(names = "--no-progress", description = "do not draw the progress bar on stderr")
    boolean noProgress;

    @Override
    public Integer call() {
        Scenario chosen;
        EvaluationPlan plan;
        try {
            chosen = ScenarioFile.load(scenario);
            if (incidentsPerWeek != null) {
                chosen = chosen.withIncidentsPerWeek(incidentsPerWeek);
            }
            if (doubleCrewShare != null || officersScale != 1) {
                chosen = chosen.withCrewing(doubleCrewShare != null ? doubleCrewShare : chosen.fleet().doubleCrewShare(),
                        officersScale);
            }
            plan = new EvaluationPlan(chosen, days, warmup, replications,
                    policies.stream().map(p -> p.trim().toLowerCase(Locale.ROOT)).toList());
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Path osmFile = MapSource.resolve(chosen.map(), osm, workDir);
        spec.commandLine().getErr().println("opening road network " + osmFile + " ...");
        try (RoadNetwork network = MapSource.open(osmFile, workDir)) {
            Evaluator evaluator = new Evaluator(network);
            ProgressBar bar = noProgress ? null
                    : new ProgressBar(System.err, plan.replications() * plan.policies().size());
            EvaluationReport report = evaluator.run(plan, bar);
            Path csv = out != null ? out : workDir.resolve("evaluation.csv");
            Path png = csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", "") + ".png");
            ResultTable.writeCsv(report, csv);
            ResultChart.writePng(report, png);
            var w = spec.commandLine().getOut();
            w.print(ResultTable.text(report));
            w.printf(Locale.ROOT, "map %s (%d junctions); wall clock %.1f s; travel-time cache %d hits, %d misses%n",
                    osmFile.getFileName(), network.nodeCount(), report.wallSeconds(), evaluator.travel().hits(),
                    evaluator.travel().misses());
            w.printf("routing on %d contraction hierarchies; %d journeys answered by tree search (a banned turn)%n",
                    network.hierarchiesReady(), network.hierarchyFallbacks());
            w.printf("wrote %s and %s%n", csv, png);
            w.flush();
        }
        return 0;
    }
}
