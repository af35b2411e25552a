package org.bluelight.simulator.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.simulator.demand.GeneratedIncident;

/** An incident as the simulation tracks it; read by desks and listeners, changed only by {@link ForceSimulation}. */
public final class SimIncident {
    final GeneratedIncident generated;
    final Incident dispatch;
    final Set<SimUnit> assigned = new HashSet<>();
    final Set<String> unreachable = new HashSet<>();
    Instant firstArrival;
    Instant sceneUntil;
    boolean prisonerTaken;

    SimIncident(GeneratedIncident generated) {
        this.generated = generated;
        this.dispatch = generated.toDispatch();
    }

    public String id() {
        return generated.id();
    }

    public GeneratedIncident generated() {
        return generated;
    }

    /** The incident as the dispatch core sees it. */
    public Incident dispatch() {
        return dispatch;
    }

    public boolean attended() {
        return firstArrival != null;
    }

    public Instant firstArrival() {
        return firstArrival;
    }

    /** True while no unit is on its way, booked or on scene. */
    public boolean uncovered() {
        return assigned.isEmpty();
    }

    /** Units that could not reach it by road: not offered again. */
    public boolean unreachableBy(String unitId) {
        return unreachable.contains(unitId);
    }
}
