package org.bluelight.simulator.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dispatcher at the desk, simulated: after a delay, takes the top candidate of an incident's latest active
 * recommendation if its units can still go; otherwise waits for dispatch to refresh the recommendation. The
 * evaluator and the live simulator both accept recommendations through it.
 */
public final class SimulatedDispatcher {

    /** Where the dispatcher's decisions go (CAD assignments). */
    public interface Decisions {

        void assigned(SimIncident incident, List<String> unitIds, String recommendationId);

        /** None of the units assigned could reach the incident: they are taken off it again. */
        void stoodDown(SimIncident incident, List<String> unitIds);
    }

    private record Offer(String recommendationId, List<String> unitIds) {
    }

    private final ForceSimulation simulation;
    private final Duration delay;
    private final Decisions decisions;
    private final Map<String, Offer> pending = new HashMap<>();

    public SimulatedDispatcher(ForceSimulation simulation, Duration delay, Decisions decisions) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the dispatcher's delay cannot be negative, was " + delay);
        }
        this.simulation = simulation;
        this.delay = delay;
        this.decisions = decisions;
    }

    /** An active recommendation whose top candidate is {@code unitIds}; it replaces any earlier one. */
    public void offer(String incidentId, String recommendationId, List<String> unitIds) {
        Offer offer = new Offer(recommendationId, List.copyOf(unitIds));
        pending.put(incidentId, offer);
        simulation.later(simulation.now().plus(delay), () -> accept(incidentId, offer));
    }

    /** The recommendation was withdrawn, or the incident closed. */
    public void withdraw(String incidentId) {
        pending.remove(incidentId);
    }

    private void accept(String incidentId, Offer offer) {
        if (pending.get(incidentId) != offer) {
            return; // a newer revision came, or it was withdrawn
        }
        pending.remove(incidentId);
        SimIncident incident = simulation.openIncident(incidentId);
        if (incident == null || !simulation.canGo(incident, offer.unitIds())) {
            return;
        }
        decisions.assigned(incident, offer.unitIds(), offer.recommendationId());
        if (!simulation.send(incident, offer.unitIds())) {
            decisions.stoodDown(incident, offer.unitIds());
        }
    }
}
