package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.demand.DemandCurve;
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

    /** How many hours of the day count as the busiest (a quarter of the day). */
    static final int BUSIEST_HOURS = 6;

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
    private final ResponseLog busyGrade1 = new ResponseLog();
    private final ResponseLog[] grade1ByHour = new ResponseLog[24];
    private final ResponseLog sceneMinutes = new ResponseLog();
    private final Map<SimUnit, Instant> onSceneSince = new HashMap<>();
    private final Set<String> arrested = new HashSet<>();
    private final Set<Integer> busiestHours;
    private final ZoneId zone;
    private int measuredReported;
    private int measuredGrade1Reported;
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
        this.desk = new CallHandlingDesk(policy.desk(force, rules), force, scenario);
        this.busiestHours = DemandCurve.busiestHours(scenario.demand(), BUSIEST_HOURS);
        this.zone = scenario.timeZone();
        for (int h = 0; h < 24; h++) {
            grade1ByHour[h] = new ResponseLog();
        }
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
                logResponse(incident, Double.POSITIVE_INFINITY);
                unattended++;
            }
        }
        double target1 = rules.target(1).toSeconds() / 60.0;
        List<Double> byHour = new ArrayList<>();
        for (ResponseLog hour : grade1ByHour) {
            byHour.add(hour.quantile(0.5));
        }
        double weeks = Duration.between(window.measureFrom(), window.end()).toMillis() / (double) Duration.ofDays(7).toMillis();
        ForceFigures figures = new ForceFigures(weeks, measuredReported, measuredGrade1Reported, arrested.size(),
                sceneMinutes.quantile(0.5), sceneMinutes.quantile(0.1), sceneMinutes.quantile(0.9), byHour);
        return new ReplicationResult(policy.name(), replication, grade1.count(), grade2.count(), unattended,
                grade1.quantile(0.5), grade1.quantile(0.9), grade1.shareWithin(target1),
                grade2.shareWithin(rules.target(2).toSeconds() / 60.0),
                measuredDispatched == 0 ? Double.NaN : measuredKm / measuredDispatched,
                onDutyUnitSeconds == 0 ? Double.NaN : availableUnitSeconds / onDutyUnitSeconds, peakBacklog, breaksTaken,
                shiftsEnded, shiftsOverrun, diversions, (System.nanoTime() - started) / 1e9,
                grade1.quantile(0.1), busyGrade1.quantile(0.5), busyGrade1.shareWithin(target1), figures);
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
        if (!window.measures(incident.generated().reportedAt())) {
            return;
        }
        measuredReported++;
        if (incident.generated().grade() == 1) {
            measuredGrade1Reported++;
        }
        if (incident.generated().dispatched()) {
            measuredDispatched++;
        }
    }

    @Override
    public void arrived(SimUnit unit, SimIncident incident, boolean first) {
        if (!window.measures(incident.generated().reportedAt())) {
            return;
        }
        if (first) {
            logResponse(incident, Duration.between(incident.generated().reportedAt(), force.now()).toMillis() / 60_000.0);
        }
        if (incident.generated().arrest() && unit.unit().doubleCrewed()) {
            arrested.add(incident.id());
        }
        onSceneSince.put(unit, force.now());
    }

    @Override
    public void cleared(SimUnit unit, SimIncident incident) {
        Instant since = onSceneSince.remove(unit);
        if (since != null) {
            sceneMinutes.add(Duration.between(since, force.now()).toMillis() / 60_000.0);
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

    private void logResponse(SimIncident incident, double minutes) {
        if (incident.generated().grade() != 1) {
            grade2.add(minutes);
            return;
        }
        grade1.add(minutes);
        int hour = incident.generated().reportedAt().atZone(zone).getHour();
        grade1ByHour[hour].add(minutes);
        if (busiestHours.contains(hour)) {
            busyGrade1.add(minutes);
        }
    }
}
