package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulationListener;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Unit;
import org.bluelight.simulator.progress.Progress;
import org.bluelight.simulator.scenario.Scenario;

/**
 * One replication of one dispatch policy: the {@link ForceSimulation} run flat out through the window with the
 * policy's desk, measuring response times, kilometres, availability, backlogs, breaks and shifts of the incidents
 * and unit time inside the measured part of the window.
 */
public final class Simulation implements SimulationListener {

    private final List<GeneratedIncident> incidents;
    private final List<CrewShift> shifts;
    private final DispatchPolicy policy;
    private final DispatchRules rules;
    private final SimulationWindow window;
    private final Progress progress;
    private final ForceSimulation force;
    private final Desk desk;

    private final ResponseLog grade1 = new ResponseLog();
    private final ResponseLog grade2 = new ResponseLog();
    private final long span;
    private long lastReport;
    private double measuredKm;
    private int measuredDispatched;
    private double availableUnitSeconds;
    private double onDutyUnitSeconds;
    private int peakBacklog;
    private int breaksTaken;
    private int shiftsEnded;
    private int shiftsOverrun;
    private int diversions;

    public Simulation(Scenario scenario, List<Unit> units, List<GeneratedIncident> incidents, List<CrewShift> shifts,
                      DispatchPolicy policy, TravelTimes travel, DispatchRules rules, SimulationWindow window,
                      Map<String, List<GeoPoint>> patrolPoints, Progress progress) {
        this.incidents = incidents;
        this.shifts = shifts;
        this.policy = policy;
        this.rules = rules;
        this.window = window;
        this.progress = progress;
        this.span = Duration.between(window.start(), window.stop()).toMillis();
        this.force = new ForceSimulation(scenario, units, travel, patrolPoints, window.start());
        this.desk = policy.desk(force, rules);
        force.deskIs(desk);
        force.listen(this);
    }

    public ReplicationResult run(int replication) {
        long started = System.nanoTime();
        force.load(shifts.stream().filter(s -> s.start().isBefore(window.stop())).toList(), incidents);
        force.runUntil(window.stop());
        progress.update(1.0);
        int unattended = 0;
        for (SimIncident incident : force.openIncidents()) {
            if (!incident.attended() && incident.generated().dispatched() && window.measures(incident.generated().reportedAt())) {
                log(incident).add(Double.POSITIVE_INFINITY);
                unattended++;
            }
        }
        return new ReplicationResult(policy.name(), replication, grade1.count(), grade2.count(), unattended,
                grade1.quantile(0.5), grade1.quantile(0.9), grade1.shareWithin(rules.target(1).toSeconds() / 60.0),
                grade2.shareWithin(rules.target(2).toSeconds() / 60.0),
                measuredDispatched == 0 ? Double.NaN : measuredKm / measuredDispatched,
                onDutyUnitSeconds == 0 ? Double.NaN : availableUnitSeconds / onDutyUnitSeconds, peakBacklog, breaksTaken,
                shiftsEnded, shiftsOverrun, diversions, (System.nanoTime() - started) / 1e9);
    }

    /** Adds unit time from {@code from} to {@code to} within the measured window, and reports progress. */
    @Override
    public void advancing(Instant from, Instant to) {
        if (window.measures(from)) {
            peakBacklog = Math.max(peakBacklog, desk.waiting());
        }
        Instant start = from.isBefore(window.measureFrom()) ? window.measureFrom() : from;
        Instant end = to.isAfter(window.end()) ? window.end() : to;
        if (end.isAfter(start)) {
            double seconds = Duration.between(start, end).toMillis() / 1000.0;
            for (SimUnit unit : force.units()) {
                if (unit.state() != OfficerState.OFF_DUTY) {
                    onDutyUnitSeconds += seconds;
                    if (unit.state() == OfficerState.AVAILABLE) {
                        availableUnitSeconds += seconds;
                    }
                }
            }
        }
        long elapsed = Duration.between(window.start(), to).toMillis();
        if (elapsed - lastReport > span / 200) {
            progress.update(elapsed / (double) span);
            lastReport = elapsed;
        }
    }

    @Override
    public void reported(SimIncident incident) {
        if (incident.generated().dispatched() && window.measures(incident.generated().reportedAt())) {
            measuredDispatched++;
        }
    }

    @Override
    public void arrived(SimUnit unit, SimIncident incident, boolean first) {
        if (first && window.measures(incident.generated().reportedAt())) {
            log(incident).add(Duration.between(incident.generated().reportedAt(), force.now()).toMillis() / 60_000.0);
        }
    }

    @Override
    public void travelled(SimIncident incident, double km) {
        if (window.measures(incident.generated().reportedAt())) {
            measuredKm += km;
        }
    }

    @Override
    public void breakTaken(SimUnit unit) {
        breaksTaken++;
    }

    @Override
    public void shiftEnded(SimUnit unit, boolean overran) {
        shiftsEnded++;
        if (overran) {
            shiftsOverrun++;
        }
    }

    @Override
    public void diverted(SimUnit unit, SimIncident left) {
        diversions++;
    }

    private ResponseLog log(SimIncident incident) {
        return incident.generated().grade() == 1 ? grade1 : grade2;
    }
}
