package org.bluelight.simulator.engine;

/**
 * Who decides which units go, seen from the simulation: it hears everything a listener hears and answers
 * through {@link ForceSimulation#send} (at once) or {@link ForceSimulation#later} (after a delay).
 */
public interface Desk extends SimulationListener {

    /** Nobody is left on an unattended incident (its unit was diverted, or could not reach it after a break). */
    void uncovered(SimIncident incident);

    /** Incidents now waiting in the dispatch groups' backlogs. */
    int waiting();
}
