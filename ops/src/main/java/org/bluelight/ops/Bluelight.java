package org.bluelight.ops;

import org.bluelight.ops.cli.AppCommand;
import org.bluelight.ops.cli.BenchCommand;
import org.bluelight.ops.cli.BrokerCommand;
import org.bluelight.ops.cli.ErrorReporter;
import org.bluelight.ops.cli.LocalCommand;
import org.bluelight.ops.cli.RegistryCommand;
import org.bluelight.ops.cli.TopicsCommand;
import org.bluelight.ops.cli.VersionProvider;
import org.bluelight.ops.cli.console.ConsoleCommand;
import org.bluelight.ops.cli.evaluate.CalibrateCommand;
import org.bluelight.ops.cli.evaluate.EvaluateCommand;
import org.bluelight.ops.cli.evaluate.EvaluateTaskingCommand;
import org.bluelight.ops.cli.routing.MapCommand;
import org.bluelight.ops.cli.routing.RouteCommand;
import org.bluelight.ops.cli.trial.TrialCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code bluelight} launcher. */
@Command(name = "bluelight", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Bluelight: event-streaming police dispatch on Kafka Streams.",
        // Every subcommand is registered here, and only here.
        subcommands = {
            CommandLine.HelpCommand.class,
            LocalCommand.class,
            TopicsCommand.class,
            RouteCommand.class,
            MapCommand.class,
            AppCommand.class,
            EvaluateCommand.class,
            CalibrateCommand.class,
            EvaluateTaskingCommand.class,
            TrialCommand.class,
            BenchCommand.class,
            ConsoleCommand.class,
            BrokerCommand.class,
            RegistryCommand.class,
        })
public final class Bluelight implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of " + spec.subcommands().keySet());
    }

    /** The launcher's command line, ready to {@code execute(args)}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Bluelight()).setExecutionExceptionHandler(new ErrorReporter());
    }

    /**
     * The {@code app} command's line on its own (named {@code bluelight app}), for {@code bluelight app ...}.
     * A restarted streams app waits for everything its JVM does before it: building the whole command
     * tree (by reflection, with picocli's classes too old for class-data sharing) took a fifth of the
     * CPU a dispatch JVM spent before Kafka Streams started.
     */
    static CommandLine appCommandLine() {
        return new CommandLine(new AppCommand()).setCommandName("bluelight app").setExecutionExceptionHandler(new ErrorReporter());
    }

    public static void main(String[] args) {
        // Avro 1.12 instantiates only trusted classes by name; ours are the contracts.
        if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
            System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.bluelight.schemas");
        }
        if (args.length > 0 && args[0].equals("app")) {
            System.exit(appCommandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(commandLine().execute(args));
    }
}
