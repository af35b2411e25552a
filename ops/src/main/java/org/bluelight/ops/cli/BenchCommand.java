package org.bluelight.ops.cli;

import org.bluelight.ops.bench.console.BenchConsoleCommand;
import org.bluelight.ops.bench.coverage.BenchCoverageCommand;
import org.bluelight.ops.bench.crash.BenchCrashCommand;
import org.bluelight.ops.bench.soak.BenchSoakCommand;
import org.bluelight.ops.bench.dispatch.BenchDispatchCommand;
import org.bluelight.ops.bench.dispatch.BenchTelematicsCommand;
import org.bluelight.ops.bench.fuzz.BenchFuzzCommand;
import org.bluelight.ops.bench.metrics.BenchMetricsCommand;
import org.bluelight.ops.bench.metrics.BenchReplayCommand;
import org.bluelight.ops.bench.routing.BenchRoutingCommand;
import picocli.CommandLine.Command;

/** {@code bench}: the benchmarks, each printing its figures and the command that reruns it. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {
            BenchRoutingCommand.class,
            BenchCoverageCommand.class,
            BenchMetricsCommand.class,
            BenchReplayCommand.class,
            BenchDispatchCommand.class,
            BenchTelematicsCommand.class,
            BenchFuzzCommand.class,
            BenchConsoleCommand.class,
            BenchCrashCommand.class,
            BenchSoakCommand.class,
        })
public final class BenchCommand {
}
