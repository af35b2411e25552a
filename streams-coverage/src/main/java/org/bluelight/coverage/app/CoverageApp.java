package org.bluelight.coverage.app;

import io.micrometer.core.instrument.FunctionCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.RoadCells;
import org.bluelight.coverage.demand.DemandSeed;
import org.bluelight.coverage.network.NetworkJunctions;
import org.bluelight.coverage.network.RoadNetworkReachability;
import org.bluelight.coverage.stream.CoverageTopology;
import org.bluelight.coverage.summary.ForceSummary;
import org.bluelight.coverage.summary.ForceSummaryGauges;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.http.JsonReply;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.CoverageCell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coverage streams app: opens the road network, builds the topology, exports the force
 * summary as gauges and answers {@code /coverage/summary} and {@code /coverage/cells/<cell id>}.
 * Runs standalone ({@link #main}) or inside the local stack ({@link #create} then {@link #start}).
 */
public final class CoverageApp implements AutoCloseable {

    public static final String APPLICATION_ID = "bluelight-coverage";
    public static final int DEFAULT_HTTP_PORT = 8091;
    /** CPU seconds spent building reach tables (a counter): work beside the stream threads, once per profile and band. */
    public static final String REACH_TABLE_BUILD_CPU = "coverage.reach.table.build.cpu";
    private static final Duration SUMMARY_MAX_AGE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(CoverageApp.class);

    private final RoadNetwork ownedNetwork;
    private final StreamsApp app;

    private CoverageApp(RoadNetwork ownedNetwork, StreamsApp app) {
        this.ownedNetwork = ownedNetwork;
        this.app = app;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigSource source = ConfigSource.forMain(args);
        StreamsAppConfig config = StreamsAppConfig.from(source, APPLICATION_ID, DEFAULT_HTTP_PORT);
        try (CoverageApp coverage = create(config, CoverageConfig.from(source), AppSerdes.connect(config.registry()))) {
            if (coverage.app.run() == KafkaStreams.State.ERROR) {
                System.exit(1);
            }
        }
    }

    /**
     * Builds the app, opening (and if need be importing) the configured road network, which the app
     * closes with itself; nothing runs until {@link #start}.
     */
    public static CoverageApp create(StreamsAppConfig config, CoverageConfig coverage, AppSerdes serdes) {
        RoadNetwork network = RoadNetwork.open(NetworkConfig.of(coverage.mapFile(), coverage.graphCache()));
        try {
            return create(config, coverage, serdes, network, network);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * Builds the app on a road network opened by the caller (say shared with dispatch in one JVM),
     * who keeps it open while the app runs and closes it afterwards.
     */
    public static CoverageApp create(StreamsAppConfig config, CoverageConfig coverage, AppSerdes serdes,
                                     RoadNetwork network) {
        return create(config, coverage, serdes, network, null);
    }

    private static CoverageApp create(StreamsAppConfig config, CoverageConfig coverage, AppSerdes serdes,
                                      RoadNetwork network, RoadNetwork ownedNetwork) {
        try {
            CellGrid grid = coverage.settings().grid();
            RoadCells roadCells = RoadCells.fromRoadNodes(grid, NetworkJunctions.of(network),
                    coverage.settings().offRoadSearchRings());
            LOG.info("{} road cells at H3 resolution {} (about {} km² each) on {}", roadCells.size(),
                    grid.resolution(), String.format("%.2f", grid.averageCellAreaKm2()), coverage.mapFile());
            DemandSeed seed = coverage.seedFile().isPresent() ? DemandSeed.load(coverage.seedFile().get(), grid) : DemandSeed.none();
            RoadNetworkReachability reachability = new RoadNetworkReachability(network, coverage.settings().grade1Target(), grid);
            StreamsApp app = new StreamsApp(config, serdes, context -> new CoverageTopology(coverage.settings(),
                    roadCells, reachability, seed, context.meterRegistry(), context.serdes()).build());
            CoverageApp coverageApp = new CoverageApp(ownedNetwork, app);
            FunctionCounter.builder(REACH_TABLE_BUILD_CPU, reachability, r -> r.tableBuildCpu().toNanos() / 1e9)
                    .baseUnit("seconds").description("CPU time spent building reach tables, beside the stream threads")
                    .register(app.meterRegistry());
            ForceSummaryGauges.register(app.meterRegistry(), coverageApp::summary, SUMMARY_MAX_AGE, Clock.systemUTC());
            app.route("/coverage/summary", query -> coverageApp.summary()
                    .map(JsonReply::ok).orElseGet(() -> JsonReply.unavailable("coverage cells are still loading")));
            app.route("/coverage/cells", query -> coverageApp.cell(query.subPath().orElse("")));
            return coverageApp;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seeded demand file", e);
        }
    }

    public CoverageApp start() {
        app.start();
        return this;
    }

    public StreamsApp streamsApp() {
        return app;
    }

    /** The force summary over every cell, once the cells are loaded. */
    public Optional<ForceSummary> summary() {
        try {
            return Optional.of(CoverageTopology.summaryOf(cellsView()));
        } catch (InvalidStateStoreException notYet) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        app.close();
        if (ownedNetwork != null) {
            ownedNetwork.close();
        }
    }

    private JsonReply cell(String cellId) {
        if (cellId.isEmpty()) {
            return JsonReply.badRequest("expected /coverage/cells/<H3 cell id>");
        }
        try {
            CellGrid.parse(cellId);
        } catch (IllegalArgumentException e) {
            return JsonReply.badRequest(e.getMessage());
        }
        try {
            CoverageCell cell = cellsView().get(cellId);
            return cell == null ? JsonReply.notFound("no coverage published for cell " + cellId) : JsonReply.ok(cell);
        } catch (InvalidStateStoreException notYet) {
            return JsonReply.unavailable("coverage cells are still loading");
        }
    }

    private ReadOnlyKeyValueStore<String, CoverageCell> cellsView() {
        return app.streams().store(StoreQueryParameters.fromNameAndType(CoverageTopology.CELLS_VIEW_STORE,
                QueryableStoreTypes.<String, CoverageCell>keyValueStore()));
    }
}
