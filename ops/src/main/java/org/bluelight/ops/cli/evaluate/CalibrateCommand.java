package org.bluelight.ops.cli.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.evaluation.Calibration;
import org.bluelight.simulator.evaluation.CalibrationChart;
import org.bluelight.simulator.evaluation.CalibrationReport;
import org.bluelight.simulator.evaluation.EvaluationPlan;
import org.bluelight.simulator.evaluation.EvaluationReport;
import org.bluelight.simulator.evaluation.Evaluator;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioException;
import org.bluelight.simulator.scenario.ScenarioFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calibrate}: runs a scenario's force and checks it against the West Midlands figures (document 003). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Checks a simulated force against the West Midlands figures (document 003): P1 response median and "
                + "quantiles, weekly incidents, P1 share, arrests, time on scene, P1 by hour. Prints each target, the "
                + "simulated value with its 95% interval and pass/miss; writes a JSON report and a PNG chart.")
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "west-midlands",
            description = "a preset or a scenario YAML file (default: ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--replications", defaultValue = "10", description = "independent replications (default: ${DEFAULT-VALUE})")
    int replications;

    @Option(names = "--weeks", defaultValue = "4", description = "measured weeks per replication (default: ${DEFAULT-VALUE})")
    int weeks;

    @Option(names = "--warmup", defaultValue = "7", description = "warm-up days before them (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--policy", defaultValue = "nearest",
            description = "the dispatch policy the force runs under; nearest is what the West Midlands dispatchers did "
                    + "(the nearest available crew, a double crew for an arrest) (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--out", description = "JSON report (default: WORK-DIR/calibration.json; the PNG chart goes beside it)")
    Path out;

    @Mixin
    SimulatorOptions simulator;

    @Override
    public Integer call() {
        Scenario chosen;
        EvaluationPlan plan;
        String policyName = policy.trim().toLowerCase(Locale.ROOT);
        try {
            if (weeks < 1) {
                throw new IllegalArgumentException("--weeks must be at least 1");
            }
            chosen = ScenarioFile.load(scenario);
            plan = new EvaluationPlan(chosen, warmup + 7 * weeks, warmup, replications, List.of(policyName));
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (RoadNetwork network = simulator.open(chosen, spec.commandLine().getErr())) {
            ProgressBar bar = simulator.progress(plan.replications());
            EvaluationReport evaluation = new Evaluator(network).run(plan, bar);
            CalibrationReport report = CalibrationReport.of(evaluation, policyName, Calibration.WEST_MIDLANDS);
            Path json = out != null ? out : simulator.workDir.resolve("calibration.json");
            Path png = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "") + ".png");
            report.writeJson(json);
            CalibrationChart.writePng(report, png);
            var w = spec.commandLine().getOut();
            w.print(report.text());
            w.printf(Locale.ROOT, "wall clock %.1f s; wrote %s and %s%n", report.wallSeconds(), json, png);
            w.flush();
        }
        return 0;
    }
}
