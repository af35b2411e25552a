package org.bluelight.ops.bench.soak;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
 * @param dayStores        stores that forget earlier days' entries at each day's change, so rise within a day: judged
 *                         on whether they fall again once the window covers a simulated day
 * @param simulatedMinute  simulated time per sampled minute
 * @param minGrowthEntries how many entries a store must grow by, besides 5%, to fail
 */
record StoreRules(Map<String, String> filling, OpenWork openWork, Map<String, String> mirrors, Set<String> dayStores,
                  Duration simulatedMinute, long minGrowthEntries) {

    /** The pseudo-store holding the number of cells in all officers' reach sets. */
    static final String REACH_MEMBERS = CoverageTopology.REACH_CELLS_STORE + " (cells)";

    StoreRules {
        filling = Map.copyOf(filling);
        mirrors = Map.copyOf(mirrors);
        dayStores = Set.copyOf(dayStores);
    }

    static StoreRules of(Map<String, String> filling, OpenWork openWork, long minGrowthEntries) {
        return new StoreRules(filling, openWork, Map.of(), Set.of(), Duration.ZERO, minGrowthEntries);
    }

    /** The apps' stores in a soak covering {@code simulatedMinute} of force time a minute. */
    static StoreRules ofTheApps(Map<String, String> filling, Duration simulatedMinute, long minGrowthEntries) {
        String coverage = CoverageApp.APPLICATION_ID + "/";
        return new StoreRules(filling, OpenWork.ofTheApps(),
                // One entry per cell and officer in reach of it: the cells of the officers' reach sets, which move with
                // where the officers are (the last soak: 2,583 -> 2,703 for the same 28 officers).
                Map.of(coverage + CoverageTopology.CELL_OFFICERS_STORE, coverage + REACH_MEMBERS),
                // Today's patrol visits per hot spot (and each officer's last move-up): earlier days are forgotten.
                Set.of(DispatchApp.APPLICATION_ID + "/tasking-ledger"), simulatedMinute, minGrowthEntries);
    }

    boolean isDayStore(String appStore) {
        return dayStores.contains(appStore);
    }
}
