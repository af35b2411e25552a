package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;

/**
 * A dispatch desk that also tasks idle units every few simulated minutes: incidents go to the desk it wraps, and
 * {@link #task()} runs on the simulation's clock.
 */
abstract class DelegatingDesk implements Desk {

    protected final ForceSimulation simulation;
    private final Desk dispatch;
    private final Duration every;

    DelegatingDesk(ForceSimulation simulation, Desk dispatch, Duration every) {
        this.simulation = simulation;
        this.dispatch = dispatch;
        this.every = every;
        simulation.later(simulation.now().plus(every), this::round);
    }

    /** Looks at the force now and sends units where they should go. */
    protected abstract void task();

    private void round() {
        task();
        Instant next = simulation.now().plus(every);
        simulation.later(next, this::round);
    }

    @Override
    public void uncovered(SimIncident incident) {
        dispatch.uncovered(incident);
    }

    @Override
    public int waiting() {
        return dispatch.waiting();
    }

    @Override
    public void advancing(Instant from, Instant to) {
        dispatch.advancing(from, to);
    }

    @Override
    public void reported(SimIncident incident) {
        dispatch.reported(incident);
    }

    @Override
    public void closed(SimIncident incident) {
        dispatch.closed(incident);
    }

    @Override
    public void changed(SimUnit unit) {
        dispatch.changed(unit);
    }

    @Override
    public void moved(SimUnit unit) {
        dispatch.moved(unit);
    }

    @Override
    public void sentToPost(SimUnit unit, double km) {
        dispatch.sentToPost(unit, km);
    }

    @Override
    public void arrived(SimUnit unit, SimIncident incident, boolean first) {
        dispatch.arrived(unit, incident, first);
    }

    @Override
    public void cleared(SimUnit unit, SimIncident incident) {
        dispatch.cleared(unit, incident);
    }

    @Override
    public void travelled(SimIncident incident, double km) {
        dispatch.travelled(incident, km);
    }

    @Override
    public void breakTaken(SimUnit unit) {
        dispatch.breakTaken(unit);
    }

    @Override
    public void shiftEnded(SimUnit unit, boolean overran) {
        dispatch.shiftEnded(unit, overran);
    }

    @Override
    public void diverted(SimUnit unit, SimIncident left) {
        dispatch.diverted(unit, left);
    }
}
