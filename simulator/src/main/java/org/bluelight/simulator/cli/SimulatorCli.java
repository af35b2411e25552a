package org.bluelight.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the simulator's commands on their own (the {@code bluelight} launcher registers the same commands). */
@Command(name = "simulator", mixinStandardHelpOptions = true, description = "Bluelight simulator commands.",
        subcommands = {CommandLine.HelpCommand.class, EvaluateCommand.class})
public final class SimulatorCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCli()).execute(args));
    }
}
