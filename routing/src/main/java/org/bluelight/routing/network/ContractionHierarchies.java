package org.bluelight.routing.network;

import com.graphhopper.routing.ch.PrepareContractionHierarchies;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.CHConfig;
import com.graphhopper.storage.CHStorage;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.RoutingCHGraphImpl;
import org.bluelight.routing.search.UpwardEdges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One contraction hierarchy per speed model and traffic band (a hierarchy fixes its weights), prepared on request
 * and stored in the graph's cache folder beside the graph, so the next open loads it instead. Its file names carry
 * a hash of the weighting's custom model: changed speeds or traffic factors prepare afresh.
 *
 * <p>Hierarchies are node-based, on the weighting without its turn costs: street grids contract several times
 * better so (edge-based, the county took 4.2 shortcuts per road segment and minutes to prepare). Their paths are
 * exact wherever they take no turn that a turn restriction bans, the only turns our weights charge for besides
 * u-turns (never on a quickest path); searches on them check that and answer otherwise by tree search.
 */
final class ContractionHierarchies {

    private static final Logger LOG = LoggerFactory.getLogger(ContractionHierarchies.class);

    private final BaseGraph graph;
    private final Path graphDir;
    private final Map<String, Hierarchy> ready = new ConcurrentHashMap<>();

    /** A hierarchy ready to search: GraphHopper's view of it, and its upward edges in flat arrays. */
    record Hierarchy(RoutingCHGraph graph, UpwardEdges upward) {
    }

    ContractionHierarchies(BaseGraph graph, Path graphDir) {
        this.graph = graph;
        this.graphDir = graphDir;
    }

    /** The weighting's hierarchy when it has been prepared or loaded, else null. */
    Hierarchy get(ProfileWeighting pw) {
        return ready.get(name(pw));
    }

    /** How many hierarchies are ready to search. */
    int readyCount() {
        return ready.size();
    }

    /** Apart from the edge-based hierarchies of earlier versions, which a graph cache may still hold. */
    private static String name(ProfileWeighting pw) {
        return pw.hierarchyName() + "_nodes";
    }

    /** Loads the weighting's hierarchy from the cache folder, or prepares and stores it. */
    synchronized HierarchyPreparation prepare(ProfileWeighting pw) {
        String name = name(pw);
        CHConfig config = CHConfig.nodeBased(name, new TurnFreeWeighting(pw.weighting(), pw.costs()));
        long start = System.nanoTime();
        Hierarchy existing = ready.get(name);
        if (existing != null)
            return report(name, true, start, existing.graph());
        boolean cached = Files.exists(graphDir.resolve("nodes_ch_" + name)) && Files.exists(graphDir.resolve("shortcuts_" + name));
        if (!graph.isFrozen())
            graph.freeze(); // no junction or road is added after import; GraphHopper contracts and explores only frozen graphs
        CHStorage storage;
        if (cached) {
            storage = new CHStorage(graph.getDirectory(), name, graph.getSegmentSize(), false);
            if (!storage.loadExisting())
                throw new IllegalStateException("cannot load the contraction hierarchy " + name + " from " + graphDir);
        } else {
            LOG.info("preparing contraction hierarchy {} (node-based)", name);
            storage = PrepareContractionHierarchies.fromGraph(graph, config).doWork().getCHStorage();
            storage.flush();
        }
        RoutingCHGraph hierarchy = RoutingCHGraphImpl.fromGraph(graph, storage, config);
        ready.put(name, new Hierarchy(hierarchy, new UpwardEdges(hierarchy)));
        HierarchyPreparation report = report(name, cached, start, hierarchy);
        LOG.info("contraction hierarchy {} {} in {} ms: {} shortcuts, {} MB", name, cached ? "loaded" : "prepared",
                report.time().toMillis(), report.shortcuts(), report.bytes() >> 20);
        return report;
    }

    private static HierarchyPreparation report(String name, boolean loaded, long start, RoutingCHGraph hierarchy) {
        CHStorage storage = ((RoutingCHGraphImpl) hierarchy).getCHStorage();
        return new HierarchyPreparation(name, loaded, Duration.ofNanos(System.nanoTime() - start), storage.getShortcuts(),
                storage.getCapacity());
    }
}
