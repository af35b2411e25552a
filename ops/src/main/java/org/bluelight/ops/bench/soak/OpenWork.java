package org.bluelight.ops.bench.soak;

import java.util.Map;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.metrics.topology.MetricsTopology;

/**
 * The stores that hold an entry per open incident (or per officer engaged on one), by
 * {@code "app/store"}: they follow the force's backlog, which grows whenever the simulated force falls
 * behind its load (the 28-officer Andorra force at 5 times the West Midlands peak does), so a soak
 * judges them by their growth beyond what the open incidents' growth allows them.
 *
 * @param openIncidents the store whose entries are the open incidents, the measure of open work
 * @param perIncident   the stores bounded by it, with the entries each open incident may hold in them
 */
record OpenWork(String openIncidents, Map<String, Integer> perIncident) {

    static final OpenWork NONE = new OpenWork("", Map.of());

    static OpenWork ofTheApps() {
        String dispatch = DispatchApp.APPLICATION_ID + "/";
        return new OpenWork(dispatch + DispatchTopology.INCIDENT_GROUPS_STORE, Map.of(
                dispatch + DispatchTopology.CASES_STORE, 1,
                // The last recommendation of each open incident (dropped when it closes or is cancelled).
                dispatch + DispatchTopology.LATEST_RECOMMENDATIONS_STORE, 1,
                // An officer engaged on an open incident: about one each in the soak (6 -> 15 for 6 -> 16 open).
                MetricsApp.APPLICATION_ID + "/" + MetricsTopology.OFFICER_INCIDENT_STORE, 1));
    }

    boolean bounds(String appStore) {
        return perIncident.containsKey(appStore);
    }
}
