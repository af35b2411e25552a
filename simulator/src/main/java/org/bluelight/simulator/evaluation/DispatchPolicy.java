package org.bluelight.simulator.evaluation;

import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;

/** How units are chosen for an incident: the thing the evaluation compares. */
public interface DispatchPolicy {

    String name();

    /** The desk that makes this policy's choices in one run of the simulation. */
    Desk desk(ForceSimulation simulation, DispatchRules rules);
}
