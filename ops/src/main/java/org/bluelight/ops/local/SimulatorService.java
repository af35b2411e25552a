package org.bluelight.ops.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.ops.security.Account;
import org.bluelight.simulator.live.LiveConfig;
import org.bluelight.simulator.live.LiveSimulator;
import org.bluelight.simulator.scenario.ScenarioFile;

/** The simulated force: plays CAD and the vehicles into the stack and acts on the recommendations. */
public final class SimulatorService implements LocalService {

    private final LocalStackConfig stack;
    private final DemoSettings demo;
    private final PrintStream status;
    private LiveSimulator simulator;

    public SimulatorService(LocalStackConfig stack, DemoSettings demo, PrintStream status) {
        this.stack = stack;
        this.demo = demo;
        this.status = status;
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public void start() {
        Path workDir = stack.dataDir().resolve("simulator");
        LiveConfig open = LiveConfig.of(stack.bootstrapServers(), stack.registryUrl(), ScenarioFile.load(demo.scenario()),
                        demo.osmFile(), workDir)
                .withSpeed(demo.speed())
                .withSummaryFile(demo.summaryFile())
                .withManual(demo.manual());
        LiveConfig config = stack.security()
                .map(secrets -> open.withSecurity(secrets.clientSettings(Account.CAD),
                        secrets.clientSettings(Account.RECORDS), secrets.registryLogin(Account.CAD)))
                .orElse(open);
        simulator = new LiveSimulator(config, status);
        simulator.start();
    }

    @Override
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Simulator:               scenario %s at %.0fx, a status line every few seconds", demo.scenario(),
                demo.speed()));
        if (demo.manual()) {
            lines.add("Manual dispatch:         the simulated dispatcher waits; assign at the console and the force follows");
        }
        if (demo.summaryFile() != null) {
            lines.add("Summary file (at exit):   " + demo.summaryFile().toAbsolutePath());
        }
        return lines;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
