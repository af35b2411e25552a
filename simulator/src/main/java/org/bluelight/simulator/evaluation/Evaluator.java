package org.bluelight.simulator.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.geo.MapBounds;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.map.NetworkPlaces;
import org.bluelight.simulator.progress.Progress;
import org.bluelight.simulator.progress.ProgressBar;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Compares dispatch policies on the same simulated force and demand: for each replication, one seed gives the
 * force, incidents and shifts, and every policy is run on them (common random numbers), so differences between
 * policies are not drowned by differences between random draws.
 */
public final class Evaluator {

    private static final int TRAVEL_CACHE_ENTRIES = 2_000_000;
    private static final long REPLICATION_SEED_STEP = 1_000_003L;

    private final MapPlaces places;
    private final CachedTravelTimes travel;
    private final DispatchRules rules;

    public Evaluator(RoadNetwork network) {
        this(network, new RoadNetworkTravelTimes(network));
    }

    /** With these road travel times over the network (a test's, to compare them). */
    Evaluator(RoadNetwork network, TravelTimes roads) {
        // A week asks thousands of many-to-one searches: hierarchies of the speed models and bands in use pay for
        // their preparation (once per map and speed table, then loaded from the graph cache) many times over.
        network.prepareHierarchiesOnFirstUse();
        this.places = new NetworkPlaces(network);
        this.travel = new CachedTravelTimes(roads, network.config().traffic(), TRAVEL_CACHE_ENTRIES);
        org.bluelight.routing.network.MapBounds b = network.bounds();
        this.rules = DispatchRules.defaults().withMapBounds(new MapBounds(b.minLat(), b.minLon(), b.maxLat(), b.maxLon()));
    }

    /** Runs the plan; {@code bar} may be null for no progress output. */
    public EvaluationReport run(EvaluationPlan plan, ProgressBar bar) {
        long started = System.nanoTime();
        List<ReplicationResult> results = new ArrayList<>();
        int steps = plan.replications() * plan.policies().size();
        int step = 0;
        for (int r = 1; r <= plan.replications(); r++) {
            Scenario scenario = plan.scenario().withSeed(plan.scenario().seed() + REPLICATION_SEED_STEP * (r - 1));
            SimulationWindow window = SimulationWindow.ofDays(scenario.start(), plan.days(), plan.warmupDays());
            Force force = Force.build(scenario, places);
            List<GeneratedIncident> incidents = new IncidentGenerator(scenario, places).generate(window.start(), window.end());
            List<CrewShift> shifts = Rota.shifts(scenario, force, window.start(), window.stop());
            Map<String, List<GeoPoint>> patrol = PatrolPoints.of(scenario, places);
            for (String name : plan.policies()) {
                Progress progress = bar == null ? Progress.NONE
                        : bar.step(step, name + " replication " + r + "/" + plan.replications());
                step++;
                Simulation simulation = new Simulation(scenario, force.units(), incidents, shifts,
                        policy(name, scenario.seed()), travel, rules, window, patrol, progress);
                results.add(simulation.run(r));
            }
        }
        if (bar != null) {
            bar.finish();
        }
        List<PolicySummary> summaries = plan.policies().stream()
                .map(p -> PolicySummary.of(p, results.stream().filter(x -> x.policy().equals(p)).toList())).toList();
        return new EvaluationReport(plan, results, summaries, (System.nanoTime() - started) / 1e9);
    }

    public DispatchRules rules() {
        return rules;
    }

    public CachedTravelTimes travel() {
        return travel;
    }

    private DispatchPolicy policy(String name, long seed) {
        return switch (name) {
            case RandomPolicy.NAME -> new RandomPolicy(seed ^ 0x7A11_D0L);
            case NearestPolicy.NAME -> new NearestPolicy();
            case RecommenderPolicy.NAME -> new RecommenderPolicy(new Recommender(rules, travel));
            default -> throw new IllegalArgumentException("unknown policy " + name);
        };
    }
}
