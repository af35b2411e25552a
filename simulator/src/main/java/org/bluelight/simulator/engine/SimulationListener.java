package org.bluelight.simulator.engine;

import java.time.Instant;

/**
 * What happens in a {@link ForceSimulation}, for whoever records or publishes it: the evaluator's measurements,
 * the live simulator's Kafka records. Called on the simulation's thread, in the order things happen.
 */
public interface SimulationListener {

    /** Simulated time is about to move from {@code from} to {@code to} (possibly the same instant). */
    default void advancing(Instant from, Instant to) {
    }

    /** A call came in (every grade; grades 3–4 close after phone resolution). */
    default void reported(SimIncident incident) {
    }

    default void closed(SimIncident incident) {
    }

    /** The unit's status, incident, booking or predicted end changed. */
    default void changed(SimUnit unit) {
    }

    /** An available unit moved to another patrol point. */
    default void moved(SimUnit unit) {
    }

    /** An available unit set off for a post (a move-up or a patrol visit), {@code km} away by road. */
    default void sentToPost(SimUnit unit, double km) {
    }

    /** A unit arrived at the incident; {@code first} when nobody was there before it. */
    default void arrived(SimUnit unit, SimIncident incident, boolean first) {
    }

    /** A unit finished at the scene. */
    default void cleared(SimUnit unit, SimIncident incident) {
    }

    /** Kilometres driven for the incident (to it, or with its prisoner to custody). */
    default void travelled(SimIncident incident, double km) {
    }

    default void breakTaken(SimUnit unit) {
    }

    /** A crew went off duty; {@code overran} when it finished a task after its shift end. */
    default void shiftEnded(SimUnit unit, boolean overran) {
    }

    /** A unit travelling to {@code left} was sent to a more urgent incident instead. */
    default void diverted(SimUnit unit, SimIncident left) {
    }
}
