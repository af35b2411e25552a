package org.bluelight.ops.cli;

import org.bluelight.coverage.bench.BenchCoverageCommand;
import org.bluelight.metrics.cli.MetricsBenchCommand;
import org.bluelight.ops.bench.BenchDispatchCommand;
import org.bluelight.ops.bench.BenchFuzzCommand;
import org.bluelight.routing.cli.BenchRoutingCommand;
import picocli.CommandLine.Command;

/** {@code bench}: the benchmarks, each printing its figures and the command that reruns it. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = {
            BenchRoutingCommand.class,
            BenchCoverageCommand.class,
            MetricsBenchCommand.class,
            BenchDispatchCommand.class,
            BenchFuzzCommand.class,
        })
public final class BenchCommand {
}
