package org.bluelight.ops.local;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.coverage.app.CoverageConfig;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.app.DispatchSettings;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.ops.security.AccessService;
import org.bluelight.ops.security.Account;
import org.bluelight.routing.network.MapBounds;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.runtime.time.PlausibleTimestamps;
import org.bluelight.simulator.scenario.ScenarioFile;

/** What {@code bluelight local} runs, in start order: the one place to add a service to the local stack. */
public final class LocalServices {

    /** The trial's target sample of hot-spot-days (Thames Valley: 4,042, 2,021 per arm). */
    private static final String TRIAL_TARGET = "4042";

    /**
     * Defaults the stack chooses over the apps' own, for a demo that shows every output within
     * minutes: the frequent-service-user lists are ranked every 30 s, not hourly.
     */
    static final Map<String, String> DEMO_DEFAULTS = Map.of("fsu.ranking.interval.ms", "30000");

    private LocalServices() {
    }

    /** The broker first (on a secured stack, its accounts and ACLs next), then what needs it: the registry, then the topics. */
    public static List<LocalService> standard(LocalStackConfig config) {
        List<LocalService> services = new ArrayList<>();
        services.add(new KafkaBrokerService(config.broker()));
        config.security().ifPresent(secrets -> services.add(new AccessService(config.broker(), secrets)));
        services.add(new SchemaRegistryService(config));
        services.add(new TopicProvisioningService(config.broker().adminClientSettings(), config.topics()));
        return List.copyOf(services);
    }

    /** {@link #demo(LocalStackConfig, DemoSettings, AppSettings, PrintStream)} with the apps' defaults only. */
    public static List<LocalService> demo(LocalStackConfig config, DemoSettings demo, PrintStream status) {
        return demo(config, demo, AppSettings.none(), status);
    }

    /** The standard stack, then the road network, the streams apps on it, and the simulated force. */
    public static List<LocalService> demo(LocalStackConfig config, DemoSettings demo, AppSettings settings, PrintStream status) {
        List<LocalService> services = new ArrayList<>(standard(config));
        RoadNetworkService roads = new RoadNetworkService(demo.osmFile(), config.dataDir().resolve("graph-cache"));
        services.add(roads);
        services.add(new StreamsAppService("dispatch app", "/officers, /backlog/{group}, /recommendations/{incident}", () -> {
            MapBounds bounds = roads.network().bounds();
            ConfigSource source = embedded(config, settings, Account.DISPATCH, DispatchApp.APPLICATION_ID, demo.httpPortBase(),
                    dispatchDefaults(demo), Map.of(
                    "routing.osm.file", demo.osmFile().toString(),
                    "dispatch.map.bounds", bounds.minLat() + "," + bounds.minLon() + "," + bounds.maxLat() + "," + bounds.maxLon()));
            return DispatchApp.create(DispatchApp.config(source, demo.httpPortBase(), DispatchApp.LATENCY_DEFAULTS),
                    DispatchSettings.from(source), roads.network());
        }));
        services.add(new StreamsAppService("coverage app", "/coverage/summary, /coverage/cells/{cell}", () -> {
            ConfigSource source = embedded(config, settings, Account.COVERAGE, CoverageApp.APPLICATION_ID, demo.httpPortBase() + 1,
                    simulatedClockDefaults(demo), Map.of("coverage.map.file", demo.osmFile().toString()));
            StreamsAppConfig app = StreamsAppConfig.from(source, CoverageApp.APPLICATION_ID, demo.httpPortBase() + 1);
            return CoverageApp.create(app, CoverageConfig.from(source), AppSerdes.connect(app.registry()), roads.network())
                    .streamsApp();
        }));
        services.add(new StreamsAppService("metrics app", "/trial/summary, /fsu/top?metric=1..4", () -> {
            ConfigSource source = embedded(config, settings, Account.METRICS, MetricsApp.APPLICATION_ID, demo.httpPortBase() + 2,
                    metricsDefaults(demo), Map.of("input.partitions", Integer.toString(config.topics().partitions())));
            return MetricsApp.create(StreamsAppConfig.from(source, MetricsApp.APPLICATION_ID, demo.httpPortBase() + 2),
                    MetricsApp.settings(source), Integer.parseInt(TRIAL_TARGET), Clock.systemUTC());
        }));
        services.add(new ConsoleService(config, roads, demo.httpPortBase() + 3));
        if (demo.simulate()) {
            services.add(new SimulatorService(config, demo, status));
        }
        return services;
    }

    /**
     * Tasking re-planned every 10 s (5 simulated minutes at the default speed, as the evaluator plans), so the demo shows
     * move-ups and patrol tasks within a minute; with the simulator, the trial days in its time zone.
     */
    private static Map<String, String> dispatchDefaults(DemoSettings demo) {
        Map<String, String> defaults = new java.util.HashMap<>(simulatedClockDefaults(demo));
        defaults.put("tasking.interval.ms", "10000");
        if (demo.simulate()) {
            defaults.put("tasking.trial.time.zone", ScenarioFile.load(demo.scenario()).timeZone().getId());
        }
        return defaults;
    }

    /** The simulated force's trial days start at 06:00 in its own time zone, not the app's default London. */
    private static Map<String, String> metricsDefaults(DemoSettings demo) {
        if (!demo.simulate()) {
            return DEMO_DEFAULTS;
        }
        Map<String, String> defaults = new java.util.HashMap<>(simulatedClockDefaults(demo));
        defaults.put("trial.zone", ScenarioFile.load(demo.scenario()).timeZone().getId());
        return defaults;
    }

    /**
     * A simulated force sped up runs ahead of the wall clock, and a sparse topic (custody records, task
     * decisions) can go quiet for longer than the apps' believable lead: its next record would be
     * restamped, and the partition's time would never move on. The lead scales with the speed.
     */
    static Map<String, String> simulatedClockDefaults(DemoSettings demo) {
        Map<String, String> defaults = new java.util.HashMap<>(DEMO_DEFAULTS);
        if (demo.simulate() && demo.speed() > 1) {
            long lead = Math.round(PlausibleTimestamps.DEFAULT_MAX_AHEAD.toMillis() * demo.speed());
            defaults.put(StreamsAppConfig.TIMESTAMPS_MAX_AHEAD_MS, Long.toString(lead));
        }
        return defaults;
    }

    /**
     * An embedded app's configuration: its settings file and the environment, under what the stack
     * fixes (the local broker and registry and, when secured, the app's own login to both; state
     * under the data dir, its id, port and map).
     */
    private static ConfigSource embedded(LocalStackConfig config, AppSettings settings, Account app, String applicationId,
                                         int httpPort, Map<String, String> stackValues) {
        return embedded(config, settings, app, applicationId, httpPort, DEMO_DEFAULTS, stackValues);
    }

    private static ConfigSource embedded(LocalStackConfig config, AppSettings settings, Account app, String applicationId,
                                         int httpPort, Map<String, String> defaults, Map<String, String> stackValues) {
        Map<String, String> fixed = new java.util.HashMap<>(stackValues);
        fixed.putAll(config.clientSettings(app));
        fixed.put("bootstrap.servers", config.bootstrapServers());
        fixed.put("schema.registry.url", config.registryUrl().toString());
        fixed.put("state.dir", config.dataDir().resolve("state").toAbsolutePath().toString());
        fixed.put("application.id", applicationId);
        fixed.put("http.port", String.valueOf(httpPort));
        return settings.source(app.user(), defaults, fixed);
    }
}
