package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.sampling.TwoPieceLogNormal;
import org.bluelight.simulator.scenario.Scenario;

/**
 * The control room in front of a dispatch desk: a call reaches the desk only once the contact officer has triaged
 * it and the log has reached the dispatch group, after the scenario's call-handling time for its grade. Response
 * time still runs from the call being answered, so this time is part of it, as in the West Midlands figures. The
 * time is fixed by seed and incident, so every policy faces the same delays.
 */
final class CallHandlingDesk implements Desk {

    private static final long SALT = 0xCA11_4A0DL;

    private final Desk desk;
    private final ForceSimulation simulation;
    private final long seed;
    private final Map<Integer, TwoPieceLogNormal> byGrade = new HashMap<>();

    CallHandlingDesk(Desk desk, ForceSimulation simulation, Scenario scenario) {
        this.desk = desk;
        this.simulation = simulation;
        this.seed = scenario.seed() ^ SALT;
        scenario.callHandling().forEach((grade, minutes) -> byGrade.put(grade, new TwoPieceLogNormal(minutes)));
    }

    /** The handling time of an incident: the same for every policy of a replication. */
    Duration handlingTime(SimIncident incident) {
        TwoPieceLogNormal time = byGrade.get(incident.generated().grade());
        if (time == null) {
            return Duration.ZERO;
        }
        return time.draw(new SplittableRandom(seed * 1_000_003L + incident.id().hashCode()));
    }

    @Override
    public void reported(SimIncident incident) {
        Duration handling = incident.generated().dispatched() ? handlingTime(incident) : Duration.ZERO;
        if (handling.isZero()) {
            desk.reported(incident);
        } else {
            simulation.later(simulation.now().plus(handling), () -> desk.reported(incident));
        }
    }

    @Override
    public void closed(SimIncident incident) {
        desk.closed(incident);
    }

    @Override
    public void changed(SimUnit unit) {
        desk.changed(unit);
    }

    @Override
    public void moved(SimUnit unit) {
        desk.moved(unit);
    }

    @Override
    public void sentToPost(SimUnit unit, double km) {
        desk.sentToPost(unit, km);
    }

    @Override
    public void uncovered(SimIncident incident) {
        desk.uncovered(incident);
    }

    @Override
    public int waiting() {
        return desk.waiting();
    }
}
