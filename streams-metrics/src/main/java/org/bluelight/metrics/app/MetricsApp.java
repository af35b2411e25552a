package org.bluelight.metrics.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuRanking;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.metrics.intake.GlobalDeadLetters;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.metrics.patrol.DosageTracker;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.metrics.response.ResponseKpiMeters;
import org.bluelight.metrics.response.ResponseTargets;
import org.bluelight.metrics.topology.MetricsSettings;
import org.bluelight.metrics.topology.MetricsTopology;
import org.bluelight.metrics.topology.Retention;
import org.bluelight.metrics.trial.HotSpotDayState;
import org.bluelight.metrics.trial.TrialDayClock;
import org.bluelight.metrics.trial.TrialSummary;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.http.JsonReply;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * The metrics streams app: the {@link MetricsTopology} on the shared runtime, with
 * {@code GET /trial/summary} (per-arm trial summary, JSON) and {@code GET /fsu/top?metric=1..4
 * [&homeArea=..][&theme=..]} (latest FSU top-100 list) besides {@code /health} and {@code /metrics}.
 */
public final class MetricsApp {

    public static final String APPLICATION_ID = "bluelight-metrics";
    public static final int DEFAULT_HTTP_PORT = 8092;

    private MetricsApp() {
    }

    /** Reads the app's settings; every key has a default, listed here. */
    public static MetricsSettings settings(ConfigSource source) {
        TrialDayClock clock = new TrialDayClock(ZoneId.of(source.string("trial.zone", "Europe/London")),
                LocalTime.parse(source.string("trial.day.start", "06:00")));
        DosageTracker.Settings dosage = new DosageTracker.Settings(
                source.millis("patrol.max.gap.ms", Duration.ofMinutes(5)),
                source.millis("patrol.min.visit.ms", Duration.ofMinutes(10)));
        ResponseTargets targets = new ResponseTargets(Map.of(
                1, source.millis("response.target.grade1.ms", Duration.ofMinutes(15)),
                2, source.millis("response.target.grade2.ms", Duration.ofMinutes(60))));
        FsuRanking.Settings ranking = new FsuRanking.Settings(source.integer("fsu.mean.of.top", 1000),
                source.integer("fsu.list.size", 100), FsuRanking.Normalisation.parse(source.string("fsu.normalisation", "cap")));
        return new MetricsSettings(clock, Double.parseDouble(source.string("patrol.cell.degrees",
                String.valueOf(PatrolAreaIndex.DEFAULT_CELL_DEGREES))), dosage, targets, ranking,
                source.millis("fsu.ranking.interval.ms", Duration.ofHours(1)), retention(source), InputLimits.from(source),
                PatrolAreaLimits.from(source), source.integer("input.partitions", 0),
                source.integer("metrics.group.max.officers", MetricsSettings.DEFAULT_MAX_GROUP_OFFICERS));
    }

    private static Retention retention(ConfigSource source) {
        Retention defaults = Retention.defaults();
        return new Retention(source.millis("trial.ledger.retention.ms", defaults.trialLedger()),
                source.millis("response.arrivals.retention.ms", defaults.firstArrivals()),
                source.millis("response.window.grace.ms", defaults.kpiWindowGrace()),
                source.millis("retention.purge.interval.ms", defaults.purgeInterval()),
                source.millis("fsu.sources.retention.ms", defaults.fsuSources()));
    }

    /** Builds the app (not started) with its routes. */
    public static StreamsApp create(StreamsAppConfig config, MetricsSettings settings, int targetHotSpotDays, Clock clock) {
        FsuBoard board = new FsuBoard();
        HotSpotCatalogue catalogue = new HotSpotCatalogue(settings.patrolAreaCellDegrees());
        GlobalDeadLetters hotSpotDeadLetters = new GlobalDeadLetters(config.streamsProperties());
        StreamsApp app = new StreamsApp(config, context -> {
            return MetricsTopology.build(settings, context.serdes(), new MetricsTopology.Shared(catalogue, board,
                    new ResponseKpiMeters(context.meterRegistry()), context.meterRegistry(), hotSpotDeadLetters));
        }).closing(hotSpotDeadLetters);
        app.route("/trial/summary", query -> {
            if (app.state() != KafkaStreams.State.RUNNING) {
                return JsonReply.unavailable("metrics app is " + app.state());
            }
            return JsonReply.ok(TrialSummary.of(hotSpotDays(app.streams()), settings.trialClock(), clock.instant(), targetHotSpotDays));
        });
        app.route("/fsu/top", query -> {
            String metricText = query.parameter("metric").orElse("4");
            Metric metric;
            try {
                metric = Metric.values()[Integer.parseInt(metricText) - 1];
            } catch (RuntimeException e) {
                return JsonReply.badRequest("metric must be 1, 2, 3 or 4, not '" + metricText + "'");
            }
            Optional<SafeguardingTheme> theme;
            try {
                theme = query.parameter("theme").map(t -> SafeguardingTheme.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return JsonReply.badRequest("unknown theme; one of " + List.of(SafeguardingTheme.values()));
            }
            FsuBoard.Snapshot snapshot = board.snapshot();
            return JsonReply.ok(Map.of("asOf", String.valueOf(snapshot.asOf()), "people", snapshot.people(),
                    "metric", metric.number(), "top", board.top(metric, query.parameter("homeArea"), theme)));
        });
        return app;
    }

    /** This instance's hot-spot-days (all of them when it runs alone, the local stack's case). */
    static List<HotSpotDay> hotSpotDays(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, HotSpotDayState> store = streams.store(StoreQueryParameters.fromNameAndType(
                MetricsTopology.HOTSPOT_DAYS_STORE, QueryableStoreTypes.keyValueStore()));
        List<HotSpotDay> days = new ArrayList<>();
        try (KeyValueIterator<String, HotSpotDayState> all = store.all()) {
            all.forEachRemaining(entry -> days.add(entry.value.toAvro()));
        }
        return days;
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigSource source = ConfigSource.forMain(args);
        StreamsAppConfig config = StreamsAppConfig.from(source, APPLICATION_ID, DEFAULT_HTTP_PORT);
        int target = source.integer("trial.target.hot.spot.days", TrialSummary.TARGET_HOT_SPOT_DAYS);
        try (StreamsApp app = create(config, settings(source), target, Clock.systemUTC())) {
            app.start();
            KafkaStreams.State last = app.run();
            if (last == KafkaStreams.State.ERROR) {
                System.exit(1);
            }
        }
    }
}
