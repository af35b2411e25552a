package org.bluelight.ops.bench.soak;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.metrics.topology.MetricsTopology;
import org.bluelight.metrics.topology.Retention;

/**
 * The stores that keep entries for a stretch of event time rather than one per officer, cell or
 * group, and how long: a soak covering less simulated time than that sees them fill, by design.
 */
final class RetainedStores {

    /** FSU totals are over the previous 12 months; a person with activity in them is kept. */
    private static final Duration FSU_WINDOW = Duration.ofDays(366);

    private RetainedStores() {
    }

    /** The stores (by {@code "app/store"}) that keep entries for longer than {@code simulated}, with their retention. */
    static Map<String, String> fillingOver(Duration simulated) {
        Retention retention = Retention.defaults();
        Map<String, String> filling = new LinkedHashMap<>();
        String metrics = MetricsApp.APPLICATION_ID + "/";
        // One entry per hot spot and trial day, the trial's published result: kept for the trial's life.
        filling.put(metrics + MetricsTopology.HOTSPOT_DAYS_STORE, "the trial's life");
        addIfLonger(filling, simulated, metrics + MetricsTopology.TRIAL_LEDGER_STORE, retention.trialLedger());
        addIfLonger(filling, simulated, metrics + MetricsTopology.RESPONSES_STORE, retention.firstArrivals());
        addIfLonger(filling, simulated, metrics + MetricsTopology.RESPONSE_TIMES_STORE, retention.firstArrivals());
        addIfLonger(filling, simulated, metrics + MetricsTopology.FSU_ACTIVITIES_STORE, FSU_WINDOW);
        for (String store : new String[] {MetricsTopology.CALLS_STORE, MetricsTopology.CALL_TIMES_STORE,
            MetricsTopology.RECORD_LINKS_STORE, MetricsTopology.RECORD_TIMES_STORE}) {
            addIfLonger(filling, simulated, metrics + store, retention.fsuSources());
        }
        return filling;
    }

    private static void addIfLonger(Map<String, String> filling, Duration simulated, String store, Duration kept) {
        if (kept.compareTo(simulated) > 0) {
            filling.put(store, kept.toDays() + " days");
        }
    }
}
