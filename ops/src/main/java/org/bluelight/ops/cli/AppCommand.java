package org.bluelight.ops.cli;

import java.util.concurrent.Callable;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.metrics.app.MetricsApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bluelight app dispatch|coverage|metrics [FILE]}: one streams app as a standalone process
 * against any cluster, configured by a properties file and {@code BLUELIGHT_*} environment
 * variables. Scaling out is running more of them with the same application id.
 */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Runs one streams app on its own against any Kafka cluster (configured by FILE and BLUELIGHT_* variables).",
        subcommands = {AppCommand.Dispatch.class, AppCommand.Coverage.class, AppCommand.Metrics.class})
public final class AppCommand {

    @Command(name = "dispatch", description = "Live availability, officer recommendations, backlog priority queues.")
    static final class Dispatch implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Properties file.")
        private String file;

        @Override
        public Integer call() throws InterruptedException {
            DispatchApp.main(file == null ? new String[0] : new String[] {file});
            return 0;
        }
    }

    @Command(name = "coverage", description = "Live area coverage, demand, deficits and officer coverage impact.")
    static final class Coverage implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Properties file.")
        private String file;

        @Override
        public Integer call() throws InterruptedException {
            CoverageApp.main(file == null ? new String[0] : new String[] {file});
            return 0;
        }
    }

    @Command(name = "metrics", description = "Hot-spot trial counts and dosage, frequent-service-user tallies, response KPIs.")
    static final class Metrics implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Properties file.")
        private String file;

        @Override
        public Integer call() throws InterruptedException {
            MetricsApp.main(file == null ? new String[0] : new String[] {file});
            return 0;
        }
    }
}
