package org.bluelight.routing.network;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.IntIndexedContainer;
import com.carrotsearch.hppc.IntObjectHashMap;
import com.carrotsearch.hppc.cursors.IntCursor;
import com.graphhopper.GraphHopper;
import com.graphhopper.routing.AlgorithmOptions;
import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.RoutingAlgorithm;
import com.graphhopper.routing.RoutingAlgorithmFactorySimple;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.querygraph.QueryRoutingCHGraph;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.PMap;
import com.graphhopper.util.Parameters;
import com.graphhopper.routing.ev.EnumEncodedValue;
import com.graphhopper.routing.ev.RoadClass;
import com.graphhopper.routing.util.AllEdgesIterator;
import com.graphhopper.util.RamerDouglasPeucker;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.PointList;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.UnreachableException;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.EtaFailure;
import org.bluelight.routing.eta.EtaResult;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.profile.CustomModels;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.reach.Reachability;
import org.bluelight.routing.reach.ReachableNode;
import org.bluelight.routing.route.Route;
import org.bluelight.routing.search.Adjacency;
import org.bluelight.routing.search.HierarchySearch;
import org.bluelight.routing.search.Landmarks;
import org.bluelight.routing.search.ReachSearch;
import org.bluelight.routing.search.ReachTable;
import org.bluelight.routing.search.SettledNode;
import org.bluelight.routing.search.TreeSearch;
import org.bluelight.routing.traffic.TrafficBand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The road network of one OSM extract: quickest routes, many-to-one ETAs and reachability for travel profiles,
 * with traffic by the departure's time band. Thread-safe; open once and share.
 */
public final class RoadNetwork implements AutoCloseable {

    private final NetworkConfig config;
    private final GraphHopper hopper;
    private final BaseGraph graph;
    private final ProfileWeightings weightings;
    private final Snapper snapper;
    private final Adjacency adjacency;
    private final Duration importTime;
    private final ContractionHierarchies hierarchies;
    private volatile boolean hierarchiesOnFirstUse;
    private final Map<ProfileWeighting, ReachSearch> reachSearches = new ConcurrentHashMap<>();
    private final AtomicLong hierarchyFallbacks = new AtomicLong();

    private RoadNetwork(NetworkConfig config, GraphHopper hopper, Duration importTime) {
        this.config = config;
        this.hopper = hopper;
        this.graph = hopper.getBaseGraph();
        this.importTime = importTime;
        this.adjacency = new Adjacency(graph);
        this.weightings = new ProfileWeightings(graph, adjacency, hopper.getEncodingManager(),
                new CustomModels(config.speeds(), config.traffic()), config.uTurnCostSeconds());
        this.snapper = new Snapper(hopper.getLocationIndex(), graph.getBounds(), config.snapDistanceMeters());
        this.hierarchies = new ContractionHierarchies(graph, java.nio.file.Path.of(hopper.getGraphHopperLocation()));
    }

    /** Imports the OSM file, or loads its cached graph when the file and import settings are unchanged. */
    public static RoadNetwork open(NetworkConfig config) {
        long start = System.nanoTime();
        GraphHopper hopper = GraphImport.importOrLoad(config.osmFile(), config.graphCacheDir());
        return new RoadNetwork(config, hopper, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The quickest route, with its geometry. */
    public Route route(GeoPoint from, GeoPoint to, TravelProfile profile, Instant departure) {
        ProfileWeighting pw = weightings.get(profile, config.traffic().bandAt(departure));
        Snap fromSnap = snapper.snap(from, pw);
        Snap toSnap = snapper.snap(to, pw);
        QueryGraph queryGraph = QueryGraph.create(graph, fromSnap, toSnap);
        AlgorithmOptions options = new AlgorithmOptions().setAlgorithm(Parameters.Algorithms.ASTAR_BI)
                .setTraversalMode(traversalMode(pw.weighting()));
        RoutingAlgorithm algorithm = new RoutingAlgorithmFactorySimple().createAlgo(queryGraph, pw.weighting(), options);
        Path path = algorithm.calcPath(fromSnap.getClosestNode(), toSnap.getClosestNode());
        if (!path.isFound() || path.getTime() > config.etaSearchLimit().toMillis())
            throw new UnreachableException(from, to, profile.name(), "no " + profile.name() + " route from " + from + " to " + to
                    + " within " + config.etaSearchLimit().toMinutes() + " min");
        PointList points = path.calcPoints();
        List<GeoPoint> geometry = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++)
            geometry.add(new GeoPoint(points.getLat(i), points.getLon(i)));
        return new Route(path.getTime() / 1000.0, path.getDistance(), geometry, profile.name(), pw.band().name());
    }

    /**
     * Travel times of many origins to one target, in the order of {@code origins}: from the contraction hierarchy of
     * each origin's speed model and the departure's band when {@link #prepareHierarchies} has made it ready, else by
     * {@link #etaToByTreeSearch}. Both give the times of the quickest paths (hierarchy weights are stored to
     * 0.001 s, so where two paths tie the two may pick different ones). The hierarchy is node-based: an origin whose
     * path on it takes a turn that turn restrictions ban is answered by {@link #etaToByTreeSearch} instead
     * (counted by {@link #hierarchyFallbacks}).
     */
    public List<EtaResult> etaTo(GeoPoint target, List<Origin> origins, Instant departure) {
        return etaTo(target, origins, departure, EtaMethod.HIERARCHY);
    }

    /**
     * Travel times of many origins to one target by one reverse shortest-path tree per distinct speed model, grown
     * from the target, guided towards the origins not yet settled (A* on the bounds of the speed model's landmarks, or
     * on the straight line where a band's costs fall below the landmarks' free-flow floor), until every origin of that
     * model is settled (or the search limit passes); it gives the same
     * times as {@link #route} for each pair, needs no preparation, and is the fallback and baseline of
     * {@link #etaTo}.
     */
    public List<EtaResult> etaToByTreeSearch(GeoPoint target, List<Origin> origins, Instant departure) {
        return etaTo(target, origins, departure, EtaMethod.TREE);
    }

    /**
     * GraphHopper's own point-to-point CH search once per origin on the same hierarchies, snaps and query graph:
     * the peer {@link #etaTo} is measured against. Needs {@link #prepareHierarchies}; falls back like {@link #etaTo},
     * also for paths taking a banned turn.
     */
    public List<EtaResult> etaToByPointToPointHierarchy(GeoPoint target, List<Origin> origins, Instant departure) {
        return etaTo(target, origins, departure, EtaMethod.POINT_TO_POINT_HIERARCHY);
    }

    /**
     * Makes {@link #etaTo} answer from contraction hierarchies for these profiles' speed models in every traffic
     * band: loads each hierarchy from the graph cache, or prepares and stores it there (seconds each on a county,
     * once per map and speed table). Bands with the same weights share one. Blocks until all are ready.
     */
    public List<HierarchyPreparation> prepareHierarchies(Collection<TravelProfile> profiles) {
        List<TrafficBand> bands = new ArrayList<>(config.traffic().bands());
        bands.add(TrafficBand.FREE_FLOW);
        return prepareHierarchies(profiles, bands);
    }

    /** As {@link #prepareHierarchies(Collection)}, for these traffic bands only. */
    public List<HierarchyPreparation> prepareHierarchies(Collection<TravelProfile> profiles, Collection<TrafficBand> bands) {
        Map<TravelProfile.SpeedModelKey, TravelProfile> models = new LinkedHashMap<>();
        for (TravelProfile profile : profiles)
            models.putIfAbsent(profile.speedModel(), profile);
        Map<String, ProfileWeighting> distinct = new LinkedHashMap<>();
        for (TravelProfile profile : models.values())
            for (TrafficBand band : bands) {
                ProfileWeighting pw = weightings.get(profile, band);
                distinct.putIfAbsent(pw.hierarchyName(), pw);
            }
        List<HierarchyPreparation> reports = new ArrayList<>();
        for (ProfileWeighting pw : distinct.values())
            reports.add(hierarchies.prepare(pw));
        return reports;
    }

    /**
     * From now on {@link #etaTo} prepares (or loads) a missing hierarchy the first time its speed model and band
     * are asked for, blocking that call, instead of answering by tree search: for batch work such as evaluation,
     * where only the profiles in use should be prepared; not for live dispatch, where that call would stall.
     */
    public void prepareHierarchiesOnFirstUse() {
        hierarchiesOnFirstUse = true;
    }

    /** How many contraction hierarchies (speed model and band) {@link #etaTo} answers from: prepared or loaded since open. */
    public int hierarchiesReady() {
        return hierarchies.readyCount();
    }

    /**
     * Origins whose path on a hierarchy took a turn that turn restrictions ban, so that {@link #etaTo} (or
     * {@link #etaToByPointToPointHierarchy}) answered them by tree search, since the network was opened.
     */
    public long hierarchyFallbacks() {
        return hierarchyFallbacks.get();
    }

    /**
     * As {@link #etaToByTreeSearch}, with the tree grown evenly in every direction instead of guided towards the
     * origins: what the guided search must equal exactly (pinned by a test).
     */
    List<EtaResult> etaToByPlainTree(GeoPoint target, List<Origin> origins, Instant departure) {
        return etaTo(target, origins, departure, EtaMethod.PLAIN_TREE);
    }

    /** The landmarks that guide {@link #etaToByTreeSearch} for this profile and departure, or null (the straight line). */
    Landmarks landmarks(TravelProfile profile, Instant departure) {
        return weightings.landmarks(profile, config.traffic().bandAt(departure));
    }

    /** The weighting, edge costs and band that searches for this profile and departure use. */
    ProfileWeighting weighting(TravelProfile profile, Instant departure) {
        return weightings.get(profile, config.traffic().bandAt(departure));
    }

    private enum EtaMethod { HIERARCHY, TREE, PLAIN_TREE, POINT_TO_POINT_HIERARCHY }

    private List<EtaResult> etaTo(GeoPoint target, List<Origin> origins, Instant departure, EtaMethod method) {
        TrafficBand band = config.traffic().bandAt(departure);
        EtaResult[] results = new EtaResult[origins.size()];
        for (Map.Entry<TravelProfile.SpeedModelKey, List<Integer>> group : bySpeedModel(origins).entrySet()) {
            List<Integer> members = group.getValue();
            ProfileWeighting pw = weightings.get(origins.get(members.get(0)).profile(), band);
            QueryContext query = snapAll(target, origins, members, pw, results);
            if (query == null)
                continue;
            boolean tree = method == EtaMethod.TREE || method == EtaMethod.PLAIN_TREE;
            ContractionHierarchies.Hierarchy hierarchy = tree ? null : hierarchies.get(pw);
            if (hierarchy == null && !tree && hierarchiesOnFirstUse) {
                hierarchies.prepare(pw);
                hierarchy = hierarchies.get(pw);
            }
            TravelProfile profile = origins.get(members.get(0)).profile();
            IntArrayList byTree = query.allPositions();
            if (hierarchy != null && method == EtaMethod.HIERARCHY)
                byTree = etaByHierarchy(query, hierarchy, pw, origins, band, results);
            else if (hierarchy != null)
                byTree = etaByPointToPointHierarchy(query, new QueryRoutingCHGraph(hierarchy.graph(), query.graph), origins,
                        band, results);
            if (hierarchy != null)
                hierarchyFallbacks.addAndGet(byTree.size());
            if (!byTree.isEmpty())
                etaByTree(query, byTree, pw, profile, origins, band, results, method != EtaMethod.PLAIN_TREE);
            for (int index : query.originIndexes.toArray())
                if (results[index] == null)
                    results[index] = unreachable(origins.get(index), target);
        }
        return List.of(results);
    }

    /** @return the positions in the query of the origins whose path took a banned turn: for the tree search */
    private IntArrayList etaByHierarchy(QueryContext query, ContractionHierarchies.Hierarchy hierarchy, ProfileWeighting pw,
                                        List<Origin> origins, TrafficBand band, EtaResult[] results) {
        HierarchySearch search = new HierarchySearch(new QueryRoutingCHGraph(hierarchy.graph(), query.graph),
                hierarchy.upward(), query.graph, query.weighting, pw.costs(), adjacency, query.changedNodes());
        search.towards(query.targetNode());
        IntArrayList byTree = new IntArrayList();
        for (int i = 0; i < query.originIndexes.size(); i++) {
            HierarchySearch.PathCost path = search.from(query.originNode(i));
            if (path != null && path.takesRestrictedTurn())
                byTree.add(i);
            else if (path != null && path.millis() <= config.etaSearchLimit().toMillis())
                results[query.originIndexes.get(i)] = eta(origins.get(query.originIndexes.get(i)), path.millis(),
                        path.distanceMeters(), band);
        }
        return byTree;
    }

    /** As {@link #etaByHierarchy}, by GraphHopper's point-to-point search. */
    private IntArrayList etaByPointToPointHierarchy(QueryContext query, RoutingCHGraph hierarchy, List<Origin> origins,
                                                    TrafficBand band, EtaResult[] results) {
        CHRoutingAlgorithmFactory algorithms = new CHRoutingAlgorithmFactory(hierarchy);
        IntArrayList byTree = new IntArrayList();
        for (int i = 0; i < query.originIndexes.size(); i++) {
            Path path = algorithms.createAlgo(new PMap()).calcPath(query.originNode(i), query.targetNode());
            if (path.isFound() && query.weighting.hasTurnCosts() && takesRestrictedTurn(path, query.weighting))
                byTree.add(i);
            else if (path.isFound() && path.getTime() <= config.etaSearchLimit().toMillis())
                results[query.originIndexes.get(i)] = eta(origins.get(query.originIndexes.get(i)), path.getTime(),
                        path.getDistance(), band);
        }
        return byTree;
    }

    /** Whether the path turns at a junction with turn restrictions where the weighting's turn costs ban or charge. */
    private boolean takesRestrictedTurn(Path path, Weighting weighting) {
        IntIndexedContainer nodes = path.calcNodes();
        List<EdgeIteratorState> edges = path.calcEdges();
        for (int k = 1; k < nodes.size() - 1; k++)
            if (adjacency.turnRestricted(nodes.get(k))
                    && weighting.calcTurnWeight(edges.get(k - 1).getEdge(), nodes.get(k), edges.get(k).getEdge()) != 0)
                return true;
        return false;
    }

    /** The ETAs of the origins at these positions in the query, by one reverse tree. */
    private void etaByTree(QueryContext query, IntArrayList positions, ProfileWeighting pw, TravelProfile profile,
                           List<Origin> origins, TrafficBand band, EtaResult[] results, boolean guided) {
        IntObjectHashMap<IntArrayList> waiting = new IntObjectHashMap<>();
        BitSet originNodes = new BitSet(query.graph.getNodes());
        for (IntCursor position : positions) {
            int i = position.value;
            int node = query.originNode(i);
            IntArrayList atNode = waiting.get(node);
            if (atNode == null)
                waiting.put(node, atNode = new IntArrayList(1));
            atNode.add(query.originIndexes.get(i));
            originNodes.set(node);
        }
        int[] remaining = {positions.size()};
        int[] goals = new int[waiting.size()];
        int g = 0;
        for (IntCursor node : waiting.keys())
            goals[g++] = node.value;
        SettledNode visitor = (node, weight, millis, distance) -> {
            IntArrayList settled = originNodes.get(node) ? waiting.remove(node) : null;
            if (settled != null) {
                for (int k = 0; k < settled.size(); k++)
                    results[settled.get(k)] = eta(origins.get(settled.get(k)), millis, distance, band);
                remaining[0] -= settled.size();
            }
            return remaining[0] > 0;
        };
        TreeSearch search = new TreeSearch(query.graph, query.weighting, pw.costs(), adjacency, query.changedNodes(), true);
        Landmarks landmarks = guided ? weightings.landmarks(profile, band) : null;
        if (landmarks != null)
            search.runTowards(query.targetNode(), limitSeconds(), goals, landmarks, visitor);
        else if (guided)
            search.runTowards(query.targetNode(), limitSeconds(), goals, visitor);
        else
            search.run(query.targetNode(), limitSeconds(), visitor);
    }

    private static Eta eta(Origin origin, long millis, double distance, TrafficBand band) {
        return new Eta(origin.id(), millis / 1000.0, distance, origin.profile().name(), band.name());
    }

    /**
     * The paper's method, kept as the reference and benchmark baseline: a plain Dijkstra from each origin to the
     * target on the same graph and weighting. Same results as {@link #etaTo}, one search per origin.
     */
    public List<EtaResult> etaToByDijkstraPerOrigin(GeoPoint target, List<Origin> origins, Instant departure) {
        TrafficBand band = config.traffic().bandAt(departure);
        EtaResult[] results = new EtaResult[origins.size()];
        for (Map.Entry<TravelProfile.SpeedModelKey, List<Integer>> group : bySpeedModel(origins).entrySet()) {
            ProfileWeighting pw = weightings.get(origins.get(group.getValue().get(0)).profile(), band);
            QueryContext query = snapAll(target, origins, group.getValue(), pw, results);
            if (query == null)
                continue;
            for (int i = 0; i < query.originIndexes.size(); i++) {
                int index = query.originIndexes.get(i);
                Origin origin = origins.get(index);
                Path path = new Dijkstra(query.graph, query.weighting, traversalMode(pw.weighting()))
                        .calcPath(query.snaps.get(i + 1).getClosestNode(), query.targetNode());
                results[index] = path.isFound() && path.getTime() <= config.etaSearchLimit().toMillis()
                        ? new Eta(origin.id(), path.getTime() / 1000.0, path.getDistance(), origin.profile().name(), band.name())
                        : unreachable(origin, target);
            }
        }
        return List.of(results);
    }

    /** Every junction reachable from the origin within the limit, with its quickest travel time. */
    public Reachability reachableFrom(GeoPoint origin, TravelProfile profile, Duration limit, Instant departure) {
        ProfileWeighting pw = weightings.get(profile, config.traffic().bandAt(departure));
        Snap snap = snapper.snap(origin, pw);
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        NodeAccess nodes = graph.getNodeAccess();
        int baseNodes = graph.getNodes();
        List<ReachableNode> reached = new ArrayList<>();
        new TreeSearch(queryGraph, queryGraph.wrapWeighting(pw.weighting()), pw.costs(), adjacency,
                TreeSearch.changedNodes(List.of(snap), baseNodes), false)
                .run(snap.getClosestNode(), limit.toMillis() / 1000.0, (node, weight, millis, distance) -> {
                    if (node < baseNodes)
                        reached.add(new ReachableNode(node, new GeoPoint(nodes.getLat(node), nodes.getLon(node)),
                                millis / 1000.0, distance));
                    return true;
                });
        return new Reachability(origin, profile.name(), pw.band().name(), limit, reached);
    }

    /**
     * The first junction a search from the position reaches, the road node a reach is searched from: as the first
     * node of {@link #reachableFrom} with this limit, found without growing the rest of that search. Empty when the
     * position is off the profile's roads or no junction lies within the limit.
     */
    public OptionalInt firstJunction(GeoPoint position, TravelProfile profile, Duration limit, Instant departure) {
        ProfileWeighting pw = weightings.get(profile, config.traffic().bandAt(departure));
        Snap snap;
        try {
            snap = snapper.snap(position, pw);
        } catch (PointNotRoutableException offTheRoads) {
            return OptionalInt.empty();
        }
        if (snap.getSnappedPosition() == Snap.Position.TOWER)
            return OptionalInt.of(snap.getClosestNode()); // the search would settle it first
        int baseNodes = graph.getNodes();
        QueryGraph queryGraph = QueryGraph.create(graph, snap);
        int[] first = {-1};
        new TreeSearch(queryGraph, queryGraph.wrapWeighting(pw.weighting()), pw.costs(), adjacency,
                TreeSearch.changedNodes(List.of(snap), baseNodes), false)
                .run(snap.getClosestNode(), limit.toMillis() / 1000.0, (node, weight, millis, distance) -> {
                    if (node < baseNodes)
                        first[0] = node;
                    return first[0] < 0;
                });
        return first[0] < 0 ? OptionalInt.empty() : OptionalInt.of(first[0]);
    }

    /**
     * Every junction within the limit of the junction {@code roadNode}: the junctions of {@link #reachableFrom} from
     * that junction's position, as a set (no times, in no order but {@code roadNode} first), by {@link ReachSearch} on
     * the road graph alone, several times quicker. For reach sets asked for on every officer's move.
     */
    public int[] junctionsWithin(int roadNode, TravelProfile profile, Duration limit, Instant departure) {
        return reachSearch(profile, departure).from(roadNode, limit.toMillis() / 1000.0);
    }

    /**
     * For every junction, the groups of junctions ({@code groupOf}: one per junction, 0 to {@code groups - 1}, say the
     * cells of a grid) that {@link #junctionsWithin} would find a junction of: built by one search per group, seconds
     * on a county, so build it once per profile, traffic band and limit and keep it. See {@link ReachTable#bytesFor}.
     */
    public ReachTable reachTable(TravelProfile profile, Duration limit, Instant departure, int[] groupOf, int groups) {
        return new ReachTable(reachSearch(profile, departure), limit.toMillis() / 1000.0, groupOf, groups);
    }

    private ReachSearch reachSearch(TravelProfile profile, Instant departure) {
        ProfileWeighting pw = weightings.get(profile, config.traffic().bandAt(departure));
        return reachSearches.computeIfAbsent(pw, w -> new ReachSearch(adjacency, w.costs(), w.weighting()));
    }

    /** Where a junction of the road graph is. */
    public GeoPoint junctionPosition(int node) {
        NodeAccess nodes = graph.getNodeAccess();
        return new GeoPoint(nodes.getLat(node), nodes.getLon(node));
    }

    /**
     * Where the point lands on the nearest road the profile may use (what routes start from).
     *
     * @throws PointNotRoutableException if no such road lies within the snap distance
     */
    public GeoPoint snap(GeoPoint point, TravelProfile profile) {
        Snap snap = snapper.snap(point, weightings.get(profile, TrafficBand.FREE_FLOW));
        return new GeoPoint(snap.getSnappedPoint().getLat(), snap.getSnappedPoint().getLon());
    }

    /**
     * Every road segment of the graph as a polyline simplified to within {@code toleranceMeters},
     * for drawing the force area's map from the same extract the apps route on.
     */
    public List<RoadLine> roadLines(double toleranceMeters) {
        EnumEncodedValue<RoadClass> roadClass = hopper.getEncodingManager().getEnumEncodedValue(RoadClass.KEY, RoadClass.class);
        RamerDouglasPeucker simplifier = new RamerDouglasPeucker().setMaxDistance(toleranceMeters);
        List<RoadLine> lines = new ArrayList<>(graph.getEdges());
        AllEdgesIterator edges = graph.getAllEdges();
        while (edges.next()) {
            PointList geometry = edges.fetchWayGeometry(FetchMode.ALL);
            simplifier.simplify(geometry);
            List<GeoPoint> points = new ArrayList<>(geometry.size());
            for (int i = 0; i < geometry.size(); i++)
                points.add(new GeoPoint(geometry.getLat(i), geometry.getLon(i)));
            lines.add(new RoadLine(edges.get(roadClass).toString(), points));
        }
        return lines;
    }

    public MapBounds bounds() {
        com.graphhopper.util.shapes.BBox box = graph.getBounds();
        return new MapBounds(box.minLat, box.minLon, box.maxLat, box.maxLon);
    }

    /** How long {@link #open} took (import or load). */
    public Duration importTime() {
        return importTime;
    }

    /** Junctions and road segments in the graph. */
    public int nodeCount() {
        return graph.getNodes();
    }

    public int edgeCount() {
        return graph.getEdges();
    }

    public NetworkConfig config() {
        return config;
    }

    @Override
    public void close() {
        hopper.close();
    }

    private static Map<TravelProfile.SpeedModelKey, List<Integer>> bySpeedModel(List<Origin> origins) {
        Map<TravelProfile.SpeedModelKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < origins.size(); i++)
            groups.computeIfAbsent(origins.get(i).profile().speedModel(), k -> new ArrayList<>()).add(i);
        return groups;
    }

    /** The target and the group's origins snapped into one query graph; failures are written to results. */
    private QueryContext snapAll(GeoPoint target, List<Origin> origins, List<Integer> members, ProfileWeighting pw,
                                 EtaResult[] results) {
        Snap targetSnap;
        try {
            targetSnap = snapper.snap(target, pw);
        } catch (PointNotRoutableException e) {
            for (int index : members)
                results[index] = new EtaFailure(origins.get(index).id(), e);
            return null;
        }
        List<Snap> snaps = new ArrayList<>(members.size() + 1);
        snaps.add(targetSnap);
        IntArrayList snapped = new IntArrayList(members.size());
        for (int index : members) {
            try {
                snaps.add(snapper.snap(origins.get(index).position(), pw));
                snapped.add(index);
            } catch (RoutingException e) {
                results[index] = new EtaFailure(origins.get(index).id(), e);
            }
        }
        QueryGraph queryGraph = QueryGraph.create(graph, snaps);
        return new QueryContext(queryGraph, queryGraph.wrapWeighting(pw.weighting()), snaps, snapped);
    }

    private record QueryContext(QueryGraph graph, Weighting weighting, List<Snap> snaps, IntArrayList originIndexes) {
        int targetNode() {
            return snaps.get(0).getClosestNode();
        }

        /** The node of the origin at this position in {@link #originIndexes}. */
        int originNode(int position) {
            return snaps.get(position + 1).getClosestNode();
        }

        IntArrayList allPositions() {
            IntArrayList all = new IntArrayList(originIndexes.size());
            for (int i = 0; i < originIndexes.size(); i++)
                all.add(i);
            return all;
        }

        IntHashSet changedNodes() {
            return TreeSearch.changedNodes(snaps, graph.getBaseGraph().getNodes());
        }
    }

    private EtaFailure unreachable(Origin origin, GeoPoint target) {
        return new EtaFailure(origin.id(), new UnreachableException(origin.position(), target, origin.profile().name(),
                "no " + origin.profile().name() + " route from " + origin.position() + " to " + target + " within "
                        + config.etaSearchLimit().toMinutes() + " min"));
    }

    private double limitSeconds() {
        return config.etaSearchLimit().toMillis() / 1000.0;
    }

    private static TraversalMode traversalMode(Weighting weighting) {
        return weighting.hasTurnCosts() ? TraversalMode.EDGE_BASED : TraversalMode.NODE_BASED;
    }
}
