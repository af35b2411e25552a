package org.bluelight.routing.cli;

import picocli.CommandLine.Command;

/** {@code bench}: groups benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that print figures.",
        subcommands = BenchRoutingCommand.class)
public final class BenchCommand {
}
