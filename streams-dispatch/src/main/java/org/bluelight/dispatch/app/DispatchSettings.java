package org.bluelight.dispatch.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.stream.EarlyHold;
import org.bluelight.dispatch.stream.IncidentPathWarmUp;
import org.bluelight.routing.network.SearchWarmUp;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.bluelight.runtime.intake.InputLimits;

/**
 * The dispatch app's own configuration, read from the same file and {@code BLUELIGHT_*}
 * environment as the runtime's (see {@link ConfigSource}). Every key has the default of
 * {@link DispatchRules#defaults()}:
 *
 * <pre>
 * routing.osm.file                      ops/maps/andorra.osm.pbf
 * routing.graph.dir                     &lt;java.io.tmpdir&gt;/bluelight-graphs
 * routing.warmup.ms                     2000   searches run when the map opens, before the first incident (0: none)
 * routing.warmup.searches               200    ...stopping early after this many
 * routing.hierarchies                   true   ETAs from contraction hierarchies, prepared (or loaded) on a thread of their own
 * dispatch.warmup.ms                    2000   synthetic incidents run through the desk's code before the first real one...
 * dispatch.warmup.incidents             100    ...stopping early after this many (0: none)
 * dispatch.warmup.after.crash           false  whether both warm-ups run in full after an unclean shutdown (false: one synthetic incident)
 * dispatch.target.grade.N.ms            900000 (1), 3600000 (2), 86400000 (3), 604800000 (4)
 * dispatch.recommend.up.to.grade        2
 * dispatch.stale.after.ms               120000
 * dispatch.nearest.count                8
 * dispatch.max.candidates               5
 * dispatch.crew.preference.ms           60000
 * dispatch.home.area.preference.ms      60000
 * dispatch.shift.end.penalty.ms         900000
 * dispatch.default.service.ms           4500000
 * dispatch.stale.penalty.ms             120000
 * dispatch.diversion.penalty.ms         60000
 * dispatch.coverage.cost.per.demand.ms  1800000
 * dispatch.map.bounds                   (none) minLat,minLon,maxLat,maxLon
 * dispatch.early.max.officers           10000
 * dispatch.early.hold.ms                600000
 * dispatch.desk.forward.move.m          50     a fix goes on to the desk when the unit moved this far...
 * dispatch.desk.forward.after.ms        30000  ...or the desk's position is this old (below dispatch.stale.after.ms)
 * dispatch.group.max.officers           1000   units one dispatch group may hold; a new one beyond is dead-lettered
 * dispatch.group.max.open.incidents     2000   open incidents one group may hold; a new one beyond is dead-lettered
 * dispatch.desk.max.reevaluations       20     incidents a freed unit is offered to (backlog head first)
 * dispatch.commit.on.incident           false  commit as soon as an incident is routed and recommended, not at commit.interval.ms
 * input.*                               see {@link InputLimits#from}
 * tasking.*                             see {@link TaskingSettings}
 * </pre>
 *
 * <p>Dispatch also chooses one Kafka setting over Kafka Streams' defaults ({@link #KAFKA_DEFAULTS}, set with
 * {@code kafka.<key>} like any other):
 * <pre>
 * kafka.producer.retry.backoff.ms       10   (Kafka 100)
 * </pre>
 *
 * @param limits what a record may say before it is dead-lettered
 * @param early  updates held for officers whose first status is still to come
 * @param forwarding which fixes go on from the officer table to the dispatch group's desk
 * @param desk    how much one dispatch group may hold and one event may cost the desk
 * @param tasking move-ups and hot-spot patrol tasks
 * @param warmUp  the searches run when the map opens, so the first incidents are not routed by code still interpreted
 * @param hierarchies whether ETAs come from contraction hierarchies once they are ready (else always the tree search)
 * @param deskWarmUp the synthetic incidents run through the incident path before the app starts
 * @param commitOnIncident whether the incident router and the desk ask for a commit as soon as they pass an incident on
 * @param warmUpAfterCrash whether a start after an unclean shutdown runs both warm-ups in full ({@link #afterCrash})
 */
public record DispatchSettings(Path osmFile, Path graphCacheDir, DispatchRules rules, InputLimits limits, EarlyHold early,
                               DeskForwarding forwarding, DeskLimits desk, TaskingSettings tasking, SearchWarmUp warmUp,
                               boolean hierarchies, IncidentPathWarmUp deskWarmUp, boolean commitOnIncident,
                               boolean warmUpAfterCrash) {

    public static final String EARLY_MAX_OFFICERS = "dispatch.early.max.officers";
    public static final String EARLY_HOLD = "dispatch.early.hold.ms";
    public static final String FORWARD_MOVE = "dispatch.desk.forward.move.m";
    public static final String FORWARD_AFTER = "dispatch.desk.forward.after.ms";
    public static final String GROUP_MAX_OFFICERS = "dispatch.group.max.officers";
    public static final String GROUP_MAX_OPEN = "dispatch.group.max.open.incidents";
    public static final String MAX_REEVALUATIONS = "dispatch.desk.max.reevaluations";
    public static final String WARM_UP = "routing.warmup.ms";
    public static final String WARM_UP_SEARCHES = "routing.warmup.searches";
    public static final String HIERARCHIES = "routing.hierarchies";
    public static final String DESK_WARM_UP = "dispatch.warmup.ms";
    public static final String DESK_WARM_UP_INCIDENTS = "dispatch.warmup.incidents";
    public static final String COMMIT_ON_INCIDENT = "dispatch.commit.on.incident";
    public static final String WARM_UP_AFTER_CRASH = "dispatch.warmup.after.crash";

    /**
     * Kafka settings under the {@code kafka.*} overrides, applied by {@link DispatchApp#config}.
     *
     * <ul>
     *   <li>{@code producer.retry.backoff.ms=10}: under exactly-once (transactions v2) the broker answers the
     *       first write of a transaction to a partition whose previous transaction's commit marker is still being
     *       written with {@code CONCURRENT_TRANSACTIONS}, and a partition's first write of the producer's life
     *       (several batches in flight) with {@code OUT_OF_ORDER_SEQUENCE_NUMBER}; the producer retries after its
     *       backoff, which doubles from this up to {@code retry.backoff.max.ms} (1 s), and the commit, hence every
     *       recommendation in it, waits: with Kafka's 100 ms, 100 ms or more per retried commit, at the start (every
     *       output partition's first write) and, on a busy broker, for a few per cent of the sends.</li>
     * </ul>
     * Kafka's {@code max.task.idle.ms=0} stays: -1 cut the telematics path's CPU by a fifth, but let a task
     * catching up (after a restart, or started behind its inputs) read all its buffered assignments before their
     * incidents' partition was fetched, and the assignments' hold ran out in stream time meanwhile: good
     * assignments dead-lettered {@code unknown-incident} (seen in {@code FuzzIT}'s clean run).
     */
    public static final Map<String, String> KAFKA_DEFAULTS = Map.of("kafka.producer.retry.backoff.ms", "10");

    public static DispatchSettings from(ConfigSource source) {
        DispatchRules d = DispatchRules.defaults();
        Map<Integer, Duration> targets = new TreeMap<>();
        for (int grade = 1; grade <= 9; grade++) {
            Duration fallback = d.targets().get(grade);
            String key = "dispatch.target.grade." + grade + ".ms";
            if (fallback != null || source.get(key).isPresent()) {
                targets.put(grade, source.millis(key, fallback));
            }
        }
        DispatchRules rules = new DispatchRules(
                targets,
                source.integer("dispatch.recommend.up.to.grade", d.highestRecommendedGrade()),
                source.millis("dispatch.stale.after.ms", d.staleAfter()),
                source.integer("dispatch.nearest.count", d.nearestCount()),
                source.integer("dispatch.max.candidates", d.maxCandidates()),
                source.millis("dispatch.crew.preference.ms", d.crewPreference()),
                source.millis("dispatch.home.area.preference.ms", d.homeAreaPreference()),
                source.millis("dispatch.shift.end.penalty.ms", d.shiftEndPenalty()),
                source.millis("dispatch.default.service.ms", d.defaultServiceTime()),
                source.millis("dispatch.stale.penalty.ms", d.stalePenalty()),
                source.millis("dispatch.diversion.penalty.ms", d.diversionPenalty()),
                source.millis("dispatch.coverage.cost.per.demand.ms", d.coverageCostPerDemandPerHour()),
                source.optionalString("dispatch.map.bounds").map(DispatchSettings::bounds).orElse(d.mapBounds()));
        return new DispatchSettings(
                source.path("routing.osm.file", Path.of("ops/maps/andorra.osm.pbf")),
                source.path("routing.graph.dir", Path.of(System.getProperty("java.io.tmpdir"), "bluelight-graphs")),
                rules, InputLimits.from(source), early(source), forwarding(source, rules), desk(source), TaskingSettings.from(source),
                warmUp(source), source.bool(HIERARCHIES, true), deskWarmUp(source), source.bool(COMMIT_ON_INCIDENT, false),
                source.bool(WARM_UP_AFTER_CRASH, false));
    }

    /**
     * The settings of a start after an unclean shutdown ({@code kill -9}, a lost machine), unless
     * {@value #WARM_UP_AFTER_CRASH}: no routing warm-up and one synthetic incident. The incidents of the
     * downtime are waiting, and each second of CPU before the first of them is routed delays them all (a
     * restarted JVM's CPU to its first recommendation is CPU-bound, half of it compilation); the full warm-ups,
     * up to 2 s of wall clock each, would only add to it, and the real incidents warm the code up instead. The one
     * synthetic incident still loads the incident path's classes and builds the current band's edge costs
     * on the loader thread, while Kafka Streams joins and restores, not on the stream thread after it.
     */
    public DispatchSettings afterCrash() {
        if (warmUpAfterCrash) {
            return this;
        }
        return new DispatchSettings(osmFile, graphCacheDir, rules, limits, early, forwarding, desk, tasking, SearchWarmUp.NONE, hierarchies,
                new IncidentPathWarmUp(Duration.ZERO, Math.min(1, deskWarmUp.incidents())), commitOnIncident, true);
    }

    private static IncidentPathWarmUp deskWarmUp(ConfigSource source) {
        IncidentPathWarmUp d = IncidentPathWarmUp.DEFAULT;
        try {
            return new IncidentPathWarmUp(source.millis(DESK_WARM_UP, d.budget()), source.integer(DESK_WARM_UP_INCIDENTS, d.incidents()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(DESK_WARM_UP + ", " + DESK_WARM_UP_INCIDENTS + ": " + e.getMessage());
        }
    }

    private static SearchWarmUp warmUp(ConfigSource source) {
        SearchWarmUp d = SearchWarmUp.DEFAULT;
        try {
            return new SearchWarmUp(source.millis(WARM_UP, d.budget()), source.integer(WARM_UP_SEARCHES, d.searches()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(WARM_UP + ", " + WARM_UP_SEARCHES + ": " + e.getMessage());
        }
    }

    private static DeskForwarding forwarding(ConfigSource source, DispatchRules rules) {
        DeskForwarding d = DeskForwarding.defaults();
        DeskForwarding forwarding;
        try {
            forwarding = new DeskForwarding(source.integer(FORWARD_MOVE, d.minMoveMeters()), source.millis(FORWARD_AFTER, d.after()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FORWARD_MOVE + ", " + FORWARD_AFTER + ": " + e.getMessage());
        }
        // A desk position that may age past staleAfter would put a reporting unit under the stale penalty.
        if (forwarding.after().compareTo(rules.staleAfter()) >= 0) {
            throw new ConfigurationException(FORWARD_AFTER + " (" + forwarding.after().toMillis() + ") must be below dispatch.stale.after.ms ("
                    + rules.staleAfter().toMillis() + ")");
        }
        return forwarding;
    }

    private static DeskLimits desk(ConfigSource source) {
        DeskLimits d = DeskLimits.defaults();
        try {
            return new DeskLimits(source.integer(GROUP_MAX_OFFICERS, d.maxOfficers()), source.integer(GROUP_MAX_OPEN, d.maxOpenIncidents()),
                    source.integer(MAX_REEVALUATIONS, d.maxReevaluations()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(GROUP_MAX_OFFICERS + ", " + GROUP_MAX_OPEN + ", " + MAX_REEVALUATIONS + ": " + e.getMessage());
        }
    }

    private static EarlyHold early(ConfigSource source) {
        EarlyHold d = EarlyHold.defaults();
        try {
            return new EarlyHold(source.integer(EARLY_MAX_OFFICERS, d.maxOfficers()), source.millis(EARLY_HOLD, d.holdFor()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(EARLY_MAX_OFFICERS + ", " + EARLY_HOLD + ": " + e.getMessage());
        }
    }

    private static MapBounds bounds(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new ConfigurationException("dispatch.map.bounds must be minLat,minLon,maxLat,maxLon, was '" + text + "'");
        }
        try {
            return new MapBounds(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                    Double.parseDouble(parts[2].trim()), Double.parseDouble(parts[3].trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dispatch.map.bounds: " + e.getMessage());
        }
    }
}
