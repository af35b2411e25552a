package org.bluelight.routing.mapgen;

import org.bluelight.routing.GeoPoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.bluelight.routing.mapgen.MapPreset.CELL_METERS;
import static org.bluelight.routing.mapgen.MapPreset.LANE_EVERY;

/**
 * Generates a synthetic English county as OSM XML, the same bytes for the same preset and seed: towns with a
 * residential street grid (some one-way, 30 mph), A and B roads and unclassified lanes between them (national
 * limit, no maxspeed tag so the UK defaults apply), farm tracks, a dual-carriageway motorway (70 mph) with
 * junctions, and a no-left-turn restriction at the central town's middle junction (west arm to north arm).
 */
public final class CountyGenerator {

    /** South-west corner: Leicestershire, the officer-selection paper's force area. */
    private static final double LAT0 = 52.40;
    private static final double LON0 = -1.60;
    private static final double METERS_PER_DEG_LAT = 111_320;
    private static final double METERS_PER_DEG_LON = METERS_PER_DEG_LAT * Math.cos(Math.toRadians(LAT0 + 0.2));

    private record Settlement(int ci, int cj, double radiusCells) {
        boolean contains(int i, int j) {
            double di = i - ci, dj = j - cj;
            return di * di + dj * dj <= radiusCells * radiusCells;
        }
    }

    private final MapPreset preset;
    private final long seed;
    private final int cols;
    private final int rows;
    private final List<Settlement> settlements = new ArrayList<>();
    private final int motorwayRow;

    private final List<double[]> nodeXy = new ArrayList<>();
    private final Map<Long, Integer> latticeNode = new LinkedHashMap<>();
    private final List<long[]> wayNodes = new ArrayList<>();
    private final List<Map<String, String>> wayTags = new ArrayList<>();
    /** Way ids of the arms west and north of the central junction, where turning left (west to north) is banned. */
    private int westArm;
    private int northArm;
    private boolean northArmPending;

    private CountyGenerator(MapPreset preset, long seed) {
        this.preset = preset;
        this.seed = seed;
        this.cols = (int) Math.round(preset.widthKm * 1000 / CELL_METERS);
        this.rows = (int) Math.round(preset.heightKm * 1000 / CELL_METERS);
        this.motorwayRow = (int) (rows * 0.55);
    }

    /** Writes the map to {@code out} (OSM XML, gzipped if the name ends in .gz). */
    public static GeneratedMap generate(MapPreset preset, long seed, Path out) throws IOException {
        CountyGenerator generator = new CountyGenerator(preset, seed);
        generator.placeSettlements();
        generator.buildLattice(true);
        generator.buildLattice(false);
        generator.buildMotorway();
        return generator.write(out);
    }

    private void placeSettlements() {
        SplittableRandom random = new SplittableRandom(seed);
        settlements.add(new Settlement(snapToLane(cols / 2), snapToLane(rows / 2), preset.cityRadiusKm * 1000 / CELL_METERS));
        place(random, preset.towns, preset.townRadiusKm);
        place(random, preset.villages, preset.villageRadiusKm);
    }

    private void place(SplittableRandom random, int count, double radiusKm) {
        double radius = radiusKm * 1000 / CELL_METERS;
        for (int placed = 0, attempt = 0; placed < count && attempt < 1000 * Math.max(1, count); attempt++) {
            int ci = snapToLane(random.nextInt(cols + 1));
            int cj = snapToLane(random.nextInt(rows + 1));
            boolean clear = ci - radius >= 0 && ci + radius <= cols && cj - radius >= 0 && cj + radius <= rows;
            for (Settlement s : settlements) {
                double gap = Math.hypot(ci - s.ci(), cj - s.cj()) - s.radiusCells() - radius;
                clear &= gap >= 12;
            }
            if (clear) {
                settlements.add(new Settlement(ci, cj, radius));
                placed++;
            }
        }
    }

    private static int snapToLane(int index) {
        return Math.round(index / (float) LANE_EVERY) * LANE_EVERY;
    }

    private Settlement settlementAt(int i, int j) {
        for (Settlement s : settlements)
            if (s.contains(i, j))
                return s;
        return null;
    }

    /** Emits the roads along every lattice row (horizontal) or column, as runs of equally tagged cells. */
    private void buildLattice(boolean horizontal) {
        int lines = horizontal ? rows : cols;
        int length = horizontal ? cols : rows;
        for (int line = 0; line <= lines; line++) {
            List<Long> run = new ArrayList<>();
            Map<String, String> runTags = null;
            for (int step = 0; step < length; step++) {
                int i = horizontal ? step : line, j = horizontal ? line : step;
                int i2 = horizontal ? step + 1 : line, j2 = horizontal ? line : step + 1;
                Map<String, String> tags = cellTags(horizontal, line, step, settlementAt(i, j), settlementAt(i2, j2));
                if (!tags.equals(runTags)) {
                    flushRun(run, runTags);
                    run = new ArrayList<>();
                    runTags = tags;
                }
                if (!tags.isEmpty()) {
                    if (run.isEmpty())
                        run.add(latticeKey(i, j));
                    int pillars = tags.containsKey("bluelight:lane") ? preset.lanePillars : 1;
                    for (int p = 1; p <= pillars; p++)
                        run.add(-1L - pillar(i, j, i2, j2, p / (double) (pillars + 1), tags.containsKey("bluelight:lane")));
                    run.add(latticeKey(i2, j2));
                    if (latticeKey(i2, j2) == restrictedJunction()) {
                        // ways end at the restricted junction, so the restriction's from and to ways are unambiguous
                        flushRun(run, runTags);
                        if (horizontal)
                            westArm = wayNodes.size();
                        run = new ArrayList<>();
                        run.add(latticeKey(i2, j2));
                        northArmPending = !horizontal;
                    }
                    if (tags.containsKey("bluelight:lane") && step % LANE_EVERY != 0 && unit(latticeKey(i, j), 5) < preset.spurShare)
                        addSpur(i, j, horizontal);
                }
            }
            flushRun(run, runTags);
        }
    }

    /** The central town's middle junction, where a no-left-turn restriction applies. */
    private long restrictedJunction() {
        return latticeKey(settlements.get(0).ci(), settlements.get(0).cj());
    }

    /** A dead-end farm track or drive of 80 to 160 m, square off the lane at a lattice point. */
    private void addSpur(int i, int j, boolean horizontalLane) {
        double[] start = latticeXy(i, j);
        double side = unit(latticeKey(i, j), 6) < 0.5 ? -1 : 1;
        int points = 2 + (int) (unit(latticeKey(i, j), 7) * 3);
        List<Long> nodes = new ArrayList<>();
        nodes.add((long) latticeNodeId(latticeKey(i, j)));
        for (int p = 1; p <= points; p++) {
            double offset = side * 40 * p;
            nodes.add(newNode(start[0] + (horizontalLane ? 0 : offset), start[1] + (horizontalLane ? offset : 0)));
        }
        addWay(nodes, Map.of("highway", unit(latticeKey(i, j), 8) < 0.5 ? "track" : "service"));
    }

    /** Tags of the lattice cell from step to step + 1 along a line; empty if no road. */
    private Map<String, String> cellTags(boolean horizontal, int line, int step, Settlement a, Settlement b) {
        Map<String, String> tags = new LinkedHashMap<>();
        boolean laneLine = line % LANE_EVERY == 0;
        int laneIndex = line / LANE_EVERY;
        String laneClass = laneIndex % 8 == 4 ? "primary" : laneIndex % 8 == 0 ? "secondary" : "unclassified";
        boolean motorwayCrossing = !horizontal && step == motorwayRow;
        if (a != null && a == b) {
            tags.put("highway", laneLine ? (laneClass.equals("unclassified") ? "tertiary" : laneClass) : "residential");
            tags.put("maxspeed", "30 mph");
            if (!laneLine && line % 3 == 1) {
                tags.put("oneway", "yes");
                tags.put("bluelight:reverse", Boolean.toString((line / 3) % 2 == 1));
            }
        } else if (laneLine) {
            int segment = step / LANE_EVERY;
            boolean junctionColumn = !horizontal && isJunctionColumn(line);
            if (laneClass.equals("unclassified") && !junctionColumn && unit(line * 7919L + segment, horizontal ? 11 : 13) < 0.12)
                return tags; // some lanes are missing, as in real countryside
            tags.put("highway", laneClass);
            if (!laneClass.equals("unclassified"))
                tags.put("maxspeed", laneClass.equals("primary") ? "60 mph" : "50 mph");
            tags.put("bluelight:lane", "yes");
        } else {
            return tags;
        }
        if (motorwayCrossing)
            tags.put("bridge", "yes");
        return tags;
    }

    private boolean isJunctionColumn(int i) {
        return i % (8 * LANE_EVERY) == 4 * LANE_EVERY; // on A roads
    }

    private void flushRun(List<Long> run, Map<String, String> tags) {
        if (run.size() < 2 || tags == null || tags.isEmpty())
            return;
        if (northArmPending) {
            northArm = wayNodes.size() + 1;
            northArmPending = false;
        }
        Map<String, String> osmTags = new LinkedHashMap<>(tags);
        boolean reverse = Boolean.parseBoolean(osmTags.remove("bluelight:reverse"));
        osmTags.remove("bluelight:lane");
        long[] ids = new long[run.size()];
        for (int k = 0; k < run.size(); k++) {
            long key = run.get(reverse ? run.size() - 1 - k : k);
            ids[k] = key >= 0 ? latticeNodeId(key) : -key - 1; // shape nodes are stored as -1 - id
        }
        wayNodes.add(ids);
        wayTags.add(osmTags);
    }

    private void buildMotorway() {
        double midY = (motorwayRow + 0.5) * CELL_METERS;
        double width = cols * CELL_METERS;
        List<Long> east = new ArrayList<>(), west = new ArrayList<>();
        Map<Integer, Long> eastAt = new LinkedHashMap<>(), westAt = new LinkedHashMap<>();
        for (int k = 0; k * 100 + 50 <= width; k++) {
            double x = k * 100 + 50;
            long e = newNode(x, midY - 12), w = newNode(x, midY + 12);
            east.add(e);
            west.add(w);
            eastAt.put(k, e);
            westAt.put(k, w);
        }
        Map<String, String> motorway = Map.of("highway", "motorway", "oneway", "yes", "maxspeed", "70 mph", "ref", "M9");
        addWay(east, motorway);
        List<Long> westbound = new ArrayList<>(west);
        java.util.Collections.reverse(westbound);
        addWay(westbound, motorway);

        Map<String, String> slip = Map.of("highway", "motorway_link", "oneway", "yes");
        for (int i = 0; i <= cols; i++) {
            if (!isJunctionColumn(i))
                continue;
            int k = (int) Math.round((i * CELL_METERS - 50) / 100);
            if (k - 3 < 0 || !eastAt.containsKey(k + 3))
                continue;
            long south = latticeNodeId(latticeKey(i, motorwayRow)), north = latticeNodeId(latticeKey(i, motorwayRow + 1));
            addWay(List.of(eastAt.get(k - 3), midNode(eastAt.get(k - 3), south), south), slip);
            addWay(List.of(south, midNode(south, eastAt.get(k + 3)), eastAt.get(k + 3)), slip);
            addWay(List.of(westAt.get(k + 3), midNode(westAt.get(k + 3), north), north), slip);
            addWay(List.of(north, midNode(north, westAt.get(k - 3)), westAt.get(k - 3)), slip);
        }
    }

    private void addWay(List<Long> nodeIds, Map<String, String> tags) {
        wayNodes.add(nodeIds.stream().mapToLong(Long::longValue).toArray());
        wayTags.add(new LinkedHashMap<>(tags));
    }

    private long midNode(long a, long b) {
        double[] p = nodeXy.get((int) a - 1), q = nodeXy.get((int) b - 1);
        return newNode((p[0] + q[0]) / 2, (p[1] + q[1]) / 2);
    }

    private long latticeKey(int i, int j) {
        return (long) j * (cols + 1) + i;
    }

    private int latticeNodeId(long key) {
        Integer id = latticeNode.get(key);
        if (id == null) {
            int i = (int) (key % (cols + 1)), j = (int) (key / (cols + 1));
            double[] xy = latticeXy(i, j);
            id = (int) newNode(xy[0], xy[1]);
            latticeNode.put(key, id);
        }
        return id;
    }

    /** Lattice points are jittered by up to 15 m so no street is ruler-straight. */
    private double[] latticeXy(int i, int j) {
        long key = latticeKey(i, j);
        return new double[]{i * CELL_METERS + 15 * (2 * unit(key, 1) - 1), j * CELL_METERS + 15 * (2 * unit(key, 2) - 1)};
    }

    /** A shape node between two lattice points; lanes wiggle sideways. Returns its node id. */
    private long pillar(int i, int j, int i2, int j2, double t, boolean lane) {
        double[] a = latticeXy(i, j), b = latticeXy(i2, j2);
        double x = a[0] + (b[0] - a[0]) * t, y = a[1] + (b[1] - a[1]) * t;
        if (lane) {
            double side = 10 * (2 * unit(latticeKey(i, j) * 31 + (long) (t * 8), 3) - 1);
            x += (i == i2 ? side : 0);
            y += (j == j2 ? side : 0);
        }
        return newNode(x, y);
    }

    private long newNode(double x, double y) {
        nodeXy.add(new double[]{x, y});
        return nodeXy.size();
    }

    /** A deterministic pseudo-random number in [0, 1) for a key and stream. */
    private double unit(long key, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + key * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    private GeneratedMap write(Path out) throws IOException {
        double minLat = LAT0 - 0.01, minLon = LON0 - 0.01;
        double maxLat = lat(rows * CELL_METERS) + 0.01, maxLon = lon(cols * CELL_METERS) + 0.01;
        try (OsmXmlWriter writer = new OsmXmlWriter(out, minLat, minLon, maxLat, maxLon)) {
            for (int n = 0; n < nodeXy.size(); n++)
                writer.node(n + 1, lat(nodeXy.get(n)[1]), lon(nodeXy.get(n)[0]));
            for (int w = 0; w < wayNodes.size(); w++)
                writer.way(w + 1, wayNodes.get(w), wayTags.get(w));
            if (westArm > 0 && northArm > 0)
                writer.restriction(1, "no_left_turn", westArm, latticeNodeId(restrictedJunction()), northArm);
        }
        double[] junction = nodeXy.get(latticeNodeId(restrictedJunction()) - 1);
        return new GeneratedMap(out, preset, seed, nodeXy.size(), wayNodes.size(), minLat, minLon, maxLat, maxLon,
                new GeoPoint(lat(junction[1]), lon(junction[0])));
    }

    private static double lat(double y) {
        return LAT0 + y / METERS_PER_DEG_LAT;
    }

    private static double lon(double x) {
        return LON0 + x / METERS_PER_DEG_LON;
    }
}
