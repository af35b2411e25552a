package org.bluelight.coverage.app;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bluelight.coverage.CoverageSettings;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.demand.DemandSettings;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.ConfigurationException;
import org.bluelight.runtime.intake.InputLimits;

/**
 * The coverage app's own configuration keys (each also settable as {@code BLUELIGHT_<KEY>}).
 *
 * @param settings   the coverage computation
 * @param mapFile    the OSM extract of the force area
 * @param graphCache where the routing graph is cached between runs
 * @param seedFile   the seeded demand file, if any
 */
public record CoverageConfig(CoverageSettings settings, Path mapFile, Path graphCache, Optional<Path> seedFile) {

    public static final String RESOLUTION = "coverage.h3.resolution";
    public static final String MOVE_THRESHOLD = "coverage.reach.move.threshold.meters";
    public static final String ROAD_NODE_CHANGE = "coverage.reach.road.node.change";
    public static final String GRADE1_TARGET = "coverage.grade1.target.ms";
    public static final String HALF_LIFE = "coverage.demand.half.life.ms";
    public static final String WINDOW_WEEKS = "coverage.demand.window.weeks";
    public static final String ZONE = "coverage.demand.zone";
    public static final String MAX_INCIDENTS_PER_CELL = "coverage.demand.max.incidents.per.cell";
    public static final String SEED_FILE = "coverage.demand.seed.file";
    public static final String DEMAND_REFRESH = "coverage.demand.refresh.ms";
    public static final String REQUIRED_LEVEL_DEFAULT = "coverage.required.level.default";
    /** {@code coverage.required.level.cell.<H3 id>=<n>}: a cell, or an area as a coarser H3 cell. */
    public static final String REQUIRED_LEVEL_CELL_PREFIX = "coverage.required.level.cell.";
    public static final String PARTITIONS = "coverage.partitions";
    public static final String OFF_ROAD_RINGS = "coverage.offroad.search.rings";
    public static final String CELL_EMIT_INTERVAL = "coverage.cells.emit.interval.ms";
    public static final String MAP_FILE = "coverage.map.file";
    public static final String GRAPH_CACHE = "coverage.graph.cache.dir";

    public static final Path DEFAULT_MAP_FILE = Path.of("ops/maps/andorra.osm.pbf");
    public static final Path DEFAULT_GRAPH_CACHE = Path.of("target/graph-cache/coverage");

    public static CoverageConfig from(ConfigSource source) {
        CoverageSettings defaults = CoverageSettings.defaults();
        DemandSettings demandDefaults = defaults.demand();
        try {
            Map<Long, Integer> overrides = new HashMap<>();
            source.withPrefix(REQUIRED_LEVEL_CELL_PREFIX).forEach((key, value) ->
                    overrides.put(CellGrid.parse(key.substring(REQUIRED_LEVEL_CELL_PREFIX.length())),
                            source.integer(key, 1)));
            CoverageSettings settings = new CoverageSettings(
                    source.integer(RESOLUTION, defaults.resolution()),
                    new ReachRule(source.integer(MOVE_THRESHOLD, (int) defaults.reachRule().moveThresholdMeters()),
                            source.bool(ROAD_NODE_CHANGE, defaults.reachRule().recomputeOnRoadNodeChange())),
                    source.millis(GRADE1_TARGET, defaults.grade1Target()),
                    new DemandSettings(source.millis(HALF_LIFE, demandDefaults.halfLife()),
                            source.integer(WINDOW_WEEKS, demandDefaults.windowWeeks()),
                            ZoneId.of(source.string(ZONE, demandDefaults.zone().getId())),
                            source.integer(MAX_INCIDENTS_PER_CELL, demandDefaults.maxIncidentsPerCell())),
                    new RequiredLevels(source.integer(REQUIRED_LEVEL_DEFAULT, defaults.requiredLevels().defaultLevel()),
                            overrides),
                    source.integer(PARTITIONS, defaults.cellPartitions()),
                    source.millis(DEMAND_REFRESH, defaults.demandRefresh()),
                    source.integer(OFF_ROAD_RINGS, defaults.offRoadSearchRings()),
                    source.millis(CELL_EMIT_INTERVAL, defaults.cellEmitInterval()),
                    InputLimits.from(source));
            return new CoverageConfig(settings, source.path(MAP_FILE, DEFAULT_MAP_FILE),
                    source.path(GRAPH_CACHE, DEFAULT_GRAPH_CACHE), source.optionalString(SEED_FILE).map(Path::of));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new ConfigurationException("Invalid coverage configuration: " + e.getMessage(), e);
        }
    }
}
