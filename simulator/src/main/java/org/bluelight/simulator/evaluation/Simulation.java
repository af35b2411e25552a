package org.bluelight.simulator.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.force.CrewDuty;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Unit;
import org.bluelight.simulator.progress.Progress;
import org.bluelight.simulator.scenario.CustodySuiteSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * One replication of one dispatch policy: a discrete-event simulation of the force through its shifts, breaks,
 * incidents, custody trips and backlogs. Events jump from one to the next (no time steps), so a week of a large
 * force runs in seconds.
 *
 * <p>Every policy faces the same incidents, shifts and per-unit patrol draws (common random numbers); only the
 * choice of units differs. Each dispatch group keeps a backlog in the dispatch core's order (grade, then time
 * left against the target); when a unit becomes free the head of its group's queue is served first.
 *
 * <p>Simplifications: a travelling unit is seen at the place it set off from (no interpolation along the road);
 * patrolling units hop between patrol points of their home area; the crew of a new shift takes over the vehicle
 * once the old crew has finished its task.
 */
public final class Simulation {

    private static final Duration MIN_PATROL_STAY = Duration.ofMinutes(20);
    private static final int PATROL_STAY_SPREAD_MINUTES = 40;

    private enum Kind {
        // At the same instant a crew leaves before the next one joins, and incidents come after status changes.
        SHIFT_END, SHIFT_START, BREAK_DUE, BREAK_END, ARRIVE, CLEAR, CUSTODY_DONE, PATROL, INCIDENT
    }

    private record Event(Instant at, Kind kind, long sequence, UnitState unit, IncidentState incident, CrewShift shift,
                         int token) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparing(Event::at)
            .thenComparing(Event::kind).thenComparingLong(Event::sequence);

    private final Scenario scenario;
    private final List<GeneratedIncident> incidents;
    private final List<CrewShift> shifts;
    private final DispatchPolicy policy;
    private final TravelTimes travel;
    private final DispatchRules rules;
    private final SimulationWindow window;
    private final Map<String, List<GeoPoint>> patrolPoints;
    private final Progress progress;

    private final PriorityQueue<Event> events = new PriorityQueue<>(ORDER);
    private final Map<String, UnitState> units = new LinkedHashMap<>();
    private final Map<String, List<UnitState>> unitsByGroup = new HashMap<>();
    private final Map<String, TreeSet<IncidentState>> backlogs = new HashMap<>();
    private final Map<String, IncidentState> open = new HashMap<>();
    private long sequence;
    private Instant now;

    private final ResponseLog grade1 = new ResponseLog();
    private final ResponseLog grade2 = new ResponseLog();
    private double measuredKm;
    private int measuredDispatched;
    private double availableUnitSeconds;
    private double onDutyUnitSeconds;
    private int backlogSize;
    private int peakBacklog;
    private int breaksTaken;
    private int shiftsEnded;
    private int shiftsOverrun;
    private int diversions;

    public Simulation(Scenario scenario, List<Unit> force, List<GeneratedIncident> incidents, List<CrewShift> shifts,
                      DispatchPolicy policy, TravelTimes travel, DispatchRules rules, SimulationWindow window,
                      Map<String, List<GeoPoint>> patrolPoints, Progress progress) {
        this.scenario = scenario;
        this.incidents = incidents;
        this.shifts = shifts;
        this.policy = policy;
        this.travel = travel;
        this.rules = rules;
        this.window = window;
        this.patrolPoints = patrolPoints;
        this.progress = progress;
        int index = 0;
        for (Unit unit : force) {
            UnitState state = new UnitState(unit, new SplittableRandom(scenario.seed() * 31 + index++));
            units.put(unit.id(), state);
            unitsByGroup.computeIfAbsent(unit.dispatchGroup(), g -> new ArrayList<>()).add(state);
        }
    }

    public ReplicationResult run(int replication) {
        long started = System.nanoTime();
        for (CrewShift shift : shifts) {
            if (shift.start().isBefore(window.stop())) {
                schedule(shift.start().isBefore(window.start()) ? window.start() : shift.start(), Kind.SHIFT_START,
                        units.get(shift.unit().id()), null, shift, 0);
            }
        }
        for (GeneratedIncident incident : incidents) {
            schedule(incident.reportedAt(), Kind.INCIDENT, null, new IncidentState(incident), null, 0);
        }
        now = window.start();
        long span = Duration.between(window.start(), window.stop()).toMillis();
        long lastReport = 0;
        while (!events.isEmpty() && events.peek().at().isBefore(window.stop())) {
            Event event = events.poll();
            account(event.at());
            now = event.at();
            handle(event);
            long elapsed = Duration.between(window.start(), now).toMillis();
            if (elapsed - lastReport > span / 200) {
                progress.update(elapsed / (double) span);
                lastReport = elapsed;
            }
        }
        account(window.stop());
        progress.update(1.0);
        for (IncidentState incident : open.values()) {
            if (incident.firstArrival == null && window.measures(incident.generated.reportedAt()) && incident.generated.dispatched()) {
                log(incident).add(Double.POSITIVE_INFINITY);
            }
        }
        int unattended = (int) open.values().stream().filter(i -> i.firstArrival == null && i.generated.dispatched()
                && window.measures(i.generated.reportedAt())).count();
        return new ReplicationResult(policy.name(), replication, grade1.count(), grade2.count(), unattended,
                grade1.quantile(0.5), grade1.quantile(0.9), grade1.shareWithin(rules.target(1).toSeconds() / 60.0),
                grade2.shareWithin(rules.target(2).toSeconds() / 60.0),
                measuredDispatched == 0 ? Double.NaN : measuredKm / measuredDispatched,
                onDutyUnitSeconds == 0 ? Double.NaN : availableUnitSeconds / onDutyUnitSeconds, peakBacklog, breaksTaken,
                shiftsEnded, shiftsOverrun, diversions, (System.nanoTime() - started) / 1e9);
    }

    private void handle(Event event) {
        UnitState unit = event.unit();
        switch (event.kind()) {
            case INCIDENT -> onIncident(event.incident());
            case SHIFT_START -> onShiftStart(unit, event.shift());
            case SHIFT_END -> onShiftEnd(unit, event.shift());
            case BREAK_DUE -> onBreakDue(unit, event.shift());
            case BREAK_END -> {
                if (event.token() == unit.token) {
                    onBreakEnd(unit);
                }
            }
            case ARRIVE -> {
                if (event.token() == unit.token) {
                    onArrive(unit, event.incident());
                }
            }
            case CLEAR -> {
                if (event.token() == unit.token) {
                    onClear(unit, event.incident());
                }
            }
            case CUSTODY_DONE -> {
                if (event.token() == unit.token) {
                    becomeFree(unit);
                }
            }
            case PATROL -> {
                if (event.token() == unit.token && unit.state == OfficerState.AVAILABLE) {
                    patrol(unit);
                }
            }
        }
    }

    // ---- incidents and dispatch ----

    private void onIncident(IncidentState incident) {
        if (!incident.generated.dispatched()) {
            return; // grades 3-4: resolved by phone or appointment, no unit now
        }
        open.put(incident.id(), incident);
        if (window.measures(incident.generated.reportedAt())) {
            measuredDispatched++;
        }
        int diverted = diversions;
        if (!tryDispatch(incident)) {
            enqueue(incident);
        }
        if (diversions != diverted) {
            serveBacklog(incident.generated.dispatchGroup()); // the incident a unit was taken from may go to another
        }
    }

    private boolean tryDispatch(IncidentState incident) {
        String group = incident.generated.dispatchGroup();
        List<Officer> officers = officers(group, incident);
        if (officers.isEmpty()) {
            return false;
        }
        List<String> chosen = policy.choose(incident.dispatch, officers, now, grades());
        if (chosen.isEmpty()) {
            return false;
        }
        List<UnitState> team = chosen.stream().map(units::get).toList();
        List<UnitState> going = new ArrayList<>();
        for (UnitState unit : team) {
            if (unit.state == OfficerState.ON_BREAK) {
                unit.committedTo = incident; // leaves when the break ends (the recommender counted it from then)
                incident.assigned.add(unit);
            } else if (depart(unit, incident)) {
                going.add(unit);
            } else {
                incident.unreachable.add(unit.unit.id());
            }
        }
        if (incident.assigned.isEmpty()) {
            return tryDispatch(incident); // every chosen unit was unreachable: choose again without them
        }
        return true;
    }

    /** Sends the unit on its way; false when no road joins it to the incident. */
    private boolean depart(UnitState unit, IncidentState incident) {
        TravelMode mode = TravelMode.forResponse(unit.unit.transport(), unit.unit.drivingStandard(), incident.generated.grade());
        TravelTime time = travel.toTarget(incident.generated.location(),
                List.of(new Journey(unit.unit.id(), unit.position, mode)), now).get(unit.unit.id());
        if (!(time instanceof TravelTime.Reached reached)) {
            return false;
        }
        if (unit.state == OfficerState.EN_ROUTE && unit.incident != null && unit.incident != incident) {
            divert(unit);
        }
        setState(unit, OfficerState.EN_ROUTE);
        unit.token++;
        unit.incident = incident;
        unit.tripStart = now;
        unit.tripSeconds = reached.seconds();
        unit.tripKm = reached.meters() / 1000;
        incident.assigned.add(unit);
        schedule(now.plusMillis(Math.round(reached.seconds() * 1000)), Kind.ARRIVE, unit, incident, null, unit.token);
        return true;
    }

    /** The unit leaves the lower-grade incident it was travelling to; with nobody left on it, it waits again. */
    private void divert(UnitState unit) {
        IncidentState left = unit.incident;
        diversions++;
        double share = unit.tripSeconds <= 0 ? 1 : Math.min(1, Duration.between(unit.tripStart, now).toMillis() / 1000.0 / unit.tripSeconds);
        addKm(left, unit.tripKm * share);
        left.assigned.remove(unit);
        unit.incident = null;
        if (left.assigned.isEmpty() && left.firstArrival == null) {
            enqueue(left);
        }
    }

    private void onArrive(UnitState unit, IncidentState incident) {
        addKm(incident, unit.tripKm);
        setState(unit, OfficerState.ON_SCENE);
        unit.position = incident.generated.location();
        if (incident.firstArrival == null) {
            incident.firstArrival = now;
            incident.sceneUntil = now.plus(incident.generated.timeOnScene());
            if (window.measures(incident.generated.reportedAt())) {
                log(incident).add(Duration.between(incident.generated.reportedAt(), now).toMillis() / 60_000.0);
            }
        }
        if (incident.generated.arrest() && !incident.prisonerTaken && unit.unit.doubleCrewed()) {
            incident.prisonerTaken = true;
            unit.takesPrisoner = true;
        }
        Instant clear = incident.sceneUntil.isAfter(now) ? incident.sceneUntil : now;
        schedule(clear, Kind.CLEAR, unit, incident, null, unit.token);
    }

    private void onClear(UnitState unit, IncidentState incident) {
        incident.assigned.remove(unit);
        unit.incident = null;
        if (incident.assigned.isEmpty()) {
            open.remove(incident.id());
        }
        if (unit.takesPrisoner) {
            unit.takesPrisoner = false;
            CustodySuiteSpec suite = nearestCustody(unit.position);
            TravelMode mode = TravelMode.forResponse(unit.unit.transport(), unit.unit.drivingStandard(), 2);
            GeoPoint custody = suite.location();
            TravelTime time = travel.toTarget(custody, List.of(new Journey(unit.unit.id(), unit.position, mode)), now)
                    .get(unit.unit.id());
            double seconds = time instanceof TravelTime.Reached r ? r.seconds() : 0;
            if (time instanceof TravelTime.Reached r) {
                addKm(incident, r.meters() / 1000);
            }
            setState(unit, OfficerState.PRISONER_PROCESSING);
            unit.token++;
            unit.position = custody;
            unit.freeAt = now.plusMillis(Math.round(seconds * 1000)).plus(incident.generated.custodyTime());
            schedule(unit.freeAt, Kind.CUSTODY_DONE, unit, null, null, unit.token);
            return;
        }
        becomeFree(unit);
    }

    private void addKm(IncidentState incident, double km) {
        if (window.measures(incident.generated.reportedAt())) {
            measuredKm += km;
        }
    }

    // ---- units: free, breaks, shifts, patrol ----

    private void becomeFree(UnitState unit) {
        unit.token++;
        unit.freeAt = null;
        switch (unit.duty.whenFree()) {
            case OFF_DUTY -> {
                shiftsOverrun++;
                offDuty(unit);
            }
            case BREAK -> startBreak(unit);
            case AVAILABLE -> {
                setState(unit, OfficerState.AVAILABLE);
                serveBacklog(unit.unit.dispatchGroup());
                if (unit.state == OfficerState.AVAILABLE) {
                    schedulePatrol(unit);
                }
            }
        }
    }

    private void startBreak(UnitState unit) {
        unit.duty.takeBreak();
        breaksTaken++;
        setState(unit, OfficerState.ON_BREAK);
        unit.token++;
        unit.freeAt = now.plusMillis(Math.round(scenario.shifts().breakMinutes() * 60_000));
        schedule(unit.freeAt, Kind.BREAK_END, unit, null, null, unit.token);
    }

    private void onBreakEnd(UnitState unit) {
        IncidentState committed = unit.committedTo;
        unit.committedTo = null;
        unit.freeAt = null;
        if (committed != null && open.containsKey(committed.id()) && committed.firstArrival == null) {
            committed.assigned.remove(unit);
            setState(unit, OfficerState.AVAILABLE);
            if (!depart(unit, committed)) {
                committed.unreachable.add(unit.unit.id());
                if (committed.assigned.isEmpty()) {
                    enqueue(committed);
                }
                becomeFree(unit);
            }
            return;
        }
        if (committed != null) {
            committed.assigned.remove(unit);
        }
        becomeFree(unit);
    }

    private void onBreakDue(UnitState unit, CrewShift shift) {
        if (unit.duty.breakStartsNow(shift, unit.state == OfficerState.AVAILABLE)) {
            startBreak(unit);
        }
    }

    private void onShiftStart(UnitState unit, CrewShift shift) {
        if (unit.duty.shiftStarts(shift, unit.state == OfficerState.OFF_DUTY)) {
            startShift(unit, shift);
        }
    }

    private void startShift(UnitState unit, CrewShift shift) {
        // A shift already running when the run starts is taken to have had its break if it fell due before.
        boolean breakTaken = !shift.breakDue().isAfter(now) && shift.start().isBefore(window.start());
        unit.duty.start(shift, breakTaken);
        unit.position = unit.unit.home();
        unit.token++;
        schedule(shift.end(), Kind.SHIFT_END, unit, null, shift, 0);
        if (!breakTaken) {
            schedule(shift.breakDue().isBefore(now) ? now : shift.breakDue(), Kind.BREAK_DUE, unit, null, shift, 0);
        }
        setState(unit, OfficerState.AVAILABLE);
        serveBacklog(unit.unit.dispatchGroup());
        if (unit.state == OfficerState.AVAILABLE) {
            schedulePatrol(unit);
        }
    }

    private void onShiftEnd(UnitState unit, CrewShift shift) {
        boolean canLeave = unit.state == OfficerState.AVAILABLE
                || (unit.state == OfficerState.ON_BREAK && unit.committedTo == null);
        if (unit.duty.shiftEnds(shift, canLeave)) {
            offDuty(unit);
        }
    }

    private void offDuty(UnitState unit) {
        shiftsEnded++;
        CrewShift next = unit.duty.end(now);
        unit.token++;
        setState(unit, OfficerState.OFF_DUTY);
        if (next != null) {
            startShift(unit, next);
        }
    }

    private void schedulePatrol(UnitState unit) {
        Duration stay = MIN_PATROL_STAY.plusMinutes(unit.random.nextInt(PATROL_STAY_SPREAD_MINUTES));
        schedule(now.plus(stay), Kind.PATROL, unit, null, null, unit.token);
    }

    private void patrol(UnitState unit) {
        List<GeoPoint> points = patrolPoints.get(unit.unit.homeArea());
        if (points != null && !points.isEmpty()) {
            unit.position = points.get(unit.random.nextInt(points.size()));
        }
        schedulePatrol(unit);
    }

    // ---- backlog ----

    private void enqueue(IncidentState incident) {
        if (backlogs.computeIfAbsent(incident.generated.dispatchGroup(), g -> new TreeSet<>(IncidentState.HEAD_FIRST)).add(incident)) {
            backlogSize++;
            if (window.measures(now)) {
                peakBacklog = Math.max(peakBacklog, backlogSize);
            }
        }
    }

    /** Head of the queue first: each waiting incident in order is offered the group's units until none can go. */
    private void serveBacklog(String group) {
        TreeSet<IncidentState> backlog = backlogs.get(group);
        if (backlog == null || backlog.isEmpty()) {
            return;
        }
        for (IncidentState waiting : new ArrayList<>(backlog)) {
            if (unitsByGroup.get(group).stream().noneMatch(u -> u.state == OfficerState.AVAILABLE)) {
                return;
            }
            backlog.remove(waiting);
            backlogSize--;
            if (!tryDispatch(waiting)) {
                backlog.add(waiting);
                backlogSize++;
            }
        }
    }

    // ---- views for the policies ----

    private List<Officer> officers(String group, IncidentState incident) {
        List<Officer> officers = new ArrayList<>();
        for (UnitState unit : unitsByGroup.getOrDefault(group, List.of())) {
            if (unit.state != OfficerState.OFF_DUTY && !incident.unreachable.contains(unit.unit.id())) {
                officers.add(unit.asOfficer(now));
            }
        }
        return officers;
    }

    private IncidentGrades grades() {
        return id -> {
            IncidentState incident = open.get(id);
            return incident == null ? OptionalInt.empty() : OptionalInt.of(incident.generated.grade());
        };
    }

    private CustodySuiteSpec nearestCustody(GeoPoint from) {
        return scenario.custodySuites().stream()
                .min(Comparator.comparingDouble(s -> s.location().metersTo(from))).orElseThrow();
    }

    private ResponseLog log(IncidentState incident) {
        return incident.generated.grade() == 1 ? grade1 : grade2;
    }

    // ---- bookkeeping ----

    private void schedule(Instant at, Kind kind, UnitState unit, IncidentState incident, CrewShift shift, int token) {
        events.add(new Event(at, kind, sequence++, unit, incident, shift, token));
    }

    private void setState(UnitState unit, OfficerState state) {
        if (unit.state != state) {
            unit.state = state;
            unit.changedAt = now;
        }
    }

    /** Adds unit time from the last event to {@code t} within the measured window. */
    private void account(Instant t) {
        Instant from = now.isBefore(window.measureFrom()) ? window.measureFrom() : now;
        Instant to = t.isAfter(window.end()) ? window.end() : t;
        if (!to.isAfter(from)) {
            return;
        }
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        for (UnitState unit : units.values()) {
            if (unit.state != OfficerState.OFF_DUTY) {
                onDutyUnitSeconds += seconds;
                if (unit.state == OfficerState.AVAILABLE) {
                    availableUnitSeconds += seconds;
                }
            }
        }
    }

    /** A unit as the simulation tracks it. */
    private static final class UnitState {
        final Unit unit;
        final SplittableRandom random;
        OfficerState state = OfficerState.OFF_DUTY;
        Instant changedAt = Instant.EPOCH;
        final CrewDuty duty = new CrewDuty();
        GeoPoint position;
        boolean takesPrisoner;
        IncidentState incident;
        IncidentState committedTo;
        Instant freeAt;
        Instant tripStart;
        double tripSeconds;
        double tripKm;
        int token;

        UnitState(Unit unit, SplittableRandom random) {
            this.unit = unit;
            this.random = random;
            this.position = unit.home();
        }

        Officer asOfficer(Instant now) {
            // A unit booked for an incident once its break ends is not free to be booked again.
            OfficerState shown = committedTo != null ? OfficerState.UNAVAILABLE : state;
            Instant predicted = shown == OfficerState.ON_BREAK || shown == OfficerState.PRISONER_PROCESSING ? freeAt : null;
            return new Officer(unit.id(), unit.callSign(), shown, changedAt, unit.crewSize(), unit.drivingStandard(),
                    unit.transport(), unit.station(), unit.homeArea(), unit.dispatchGroup(),
                    duty.shift() == null ? null : duty.shift().end(), predicted, incident == null ? null : incident.id(),
                    position, now, null);
        }
    }

    /** An incident as the simulation tracks it. */
    private static final class IncidentState {
        static final Comparator<IncidentState> HEAD_FIRST = Comparator
                .comparingInt((IncidentState i) -> i.generated.grade())
                .thenComparing(i -> i.generated.reportedAt())
                .thenComparing(IncidentState::id);

        final GeneratedIncident generated;
        final Incident dispatch;
        final Set<UnitState> assigned = new HashSet<>();
        final Set<String> unreachable = new HashSet<>();
        Instant firstArrival;
        Instant sceneUntil;
        boolean prisonerTaken;

        IncidentState(GeneratedIncident generated) {
            this.generated = generated;
            this.dispatch = generated.toDispatch();
        }

        String id() {
            return generated.id();
        }
    }
}
