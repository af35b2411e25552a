package org.bluelight.ops.bench.soak;

import java.util.Map;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.coverage.stream.CoverageTopology;
import org.bluelight.dispatch.app.DispatchApp;

/**
 * How a soak judges each kind of store, by {@code "app/store"}. Most stores hold an entry per
 * officer, group or open window and must stay flat; the others are bounded by something that
 * legitimately moves, and are judged against it.
 *
 * @param filling          stores keeping entries longer than the run's simulated time, with their retention: reported
 * @param openWork         stores bounded by the open incidents
 * @param mirrors          stores whose entries are exactly the members of another store's values (the pseudo-store
 *                         named here, counted by {@link StoreEntries#members}): judged by the growth of the difference
 * @param caps             stores with a bound of their own, a sum of other stores' entries (by {@code "app/store"},
 *                         each with its multiple): judged on staying within it every minute
 * @param minGrowthEntries how many entries a store must grow by, besides 5%, to fail
 */
record StoreRules(Map<String, String> filling, OpenWork openWork, Map<String, String> mirrors,
                  Map<String, Map<String, Integer>> caps, long minGrowthEntries) {

    /** The pseudo-store holding the number of cells in all officers' reach sets. */
    static final String REACH_MEMBERS = CoverageTopology.REACH_CELLS_STORE + " (cells)";

    StoreRules {
        filling = Map.copyOf(filling);
        mirrors = Map.copyOf(mirrors);
        caps = Map.copyOf(caps);
    }

    static StoreRules of(Map<String, String> filling, OpenWork openWork, long minGrowthEntries) {
        return new StoreRules(filling, openWork, Map.of(), Map.of(), minGrowthEntries);
    }

    /** The apps' stores. */
    static StoreRules ofTheApps(Map<String, String> filling, long minGrowthEntries) {
        String coverage = CoverageApp.APPLICATION_ID + "/";
        String dispatch = DispatchApp.APPLICATION_ID + "/";
        return new StoreRules(filling, OpenWork.ofTheApps(),
                // One entry per cell and officer in reach of it: the cells of the officers' reach sets, which move with
                // where the officers are (the last soak: 2,583 -> 2,703 for the same 28 officers).
                Map.of(coverage + CoverageTopology.CELL_OFFICERS_STORE, coverage + REACH_MEMBERS),
                // Each officer's last move-up, and today's visits and last visit per hot spot (earlier days forgotten).
                Map.of(dispatch + "tasking-ledger", Map.of(dispatch + "tasking-officers", 1, dispatch + "tasking-hotspots", 2)),
                minGrowthEntries);
    }

    boolean isCapped(String appStore) {
        return caps.containsKey(appStore);
    }
}
