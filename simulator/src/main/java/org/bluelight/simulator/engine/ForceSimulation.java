package org.bluelight.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Unit;
import org.bluelight.simulator.scenario.Scenario;

/**
 * The one event loop of the simulator: a force through its shifts, breaks, incidents, custody trips and patrols,
 * as a discrete-event simulation (events jump from one to the next, no time steps). Which units go is the
 * {@link Desk}'s decision; what happens is told to {@link SimulationListener}s. The evaluator runs it flat out
 * ({@link #runUntil}); the live simulator paces it to the wall clock ({@link #advanceTo}).
 *
 * <p>Every run of a seed faces the same incidents, shifts and per-unit patrol draws (common random numbers).
 * Simplifications: a travelling unit is seen at the place it set off from (no interpolation along the road);
 * patrolling units hop between patrol points of their home area; the crew of a new shift takes over the vehicle
 * once the old crew has finished its task.
 *
 * <p>Longer than the project's ~400 lines on purpose: every transition of a unit or an incident sits beside the
 * events it schedules and the tokens that cancel them, so the lifecycle reads in one place; what differs between
 * the evaluator and live mode (desks, measurements, Kafka) lives outside it.
 */
public final class ForceSimulation {

    private static final Duration MIN_PATROL_STAY = Duration.ofMinutes(20);
    private static final int PATROL_STAY_SPREAD_MINUTES = 40;

    private enum Kind {
        // At the same instant a crew leaves before the next one joins, and incidents come after status changes.
        SHIFT_END, SHIFT_START, BREAK_DUE, BREAK_END, ARRIVE, CLEAR, CUSTODY_DONE, PATROL, PHONE_CLOSED, DESK, INCIDENT
    }

    private record Event(Instant at, Kind kind, long sequence, SimUnit unit, SimIncident incident, CrewShift shift,
                         int token, Runnable action) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparing(Event::at)
            .thenComparing(Event::kind).thenComparingLong(Event::sequence);

    private final Scenario scenario;
    private final TravelTimes travel;
    private final Map<String, List<GeoPoint>> patrolPoints;
    private final Instant begin;
    private final List<SimulationListener> listeners = new ArrayList<>();
    private Desk desk;

    private final PriorityQueue<Event> events = new PriorityQueue<>(ORDER);
    private final Map<String, SimUnit> units = new LinkedHashMap<>();
    private final Map<String, List<SimUnit>> unitsByGroup = new HashMap<>();
    private final Map<String, SimIncident> open = new HashMap<>();
    private long sequence;
    private Instant now;

    /** @param begin when the run starts: shifts already running then are joined there */
    public ForceSimulation(Scenario scenario, List<Unit> force, TravelTimes travel,
                           Map<String, List<GeoPoint>> patrolPoints, Instant begin) {
        this.scenario = scenario;
        this.travel = travel;
        this.patrolPoints = patrolPoints;
        this.begin = begin;
        this.now = begin;
        int index = 0;
        for (Unit unit : force) {
            SimUnit state = new SimUnit(unit, new SplittableRandom(scenario.seed() * 31 + index++));
            units.put(unit.id(), state);
            unitsByGroup.computeIfAbsent(unit.dispatchGroup(), g -> new ArrayList<>()).add(state);
        }
    }

    public void deskIs(Desk value) {
        this.desk = value;
    }

    public void listen(SimulationListener listener) {
        listeners.add(listener);
    }

    /** Lays the shifts and incidents on the calendar. */
    public void load(List<CrewShift> shifts, List<GeneratedIncident> incidents) {
        for (CrewShift shift : shifts) {
            schedule(shift.start().isBefore(begin) ? begin : shift.start(), Kind.SHIFT_START,
                    units.get(shift.unit().id()), null, shift, 0);
        }
        for (GeneratedIncident incident : incidents) {
            schedule(incident.reportedAt(), Kind.INCIDENT, null, new SimIncident(incident), null, 0);
        }
    }

    /** Handles every event before {@code stop}, then moves the clock to it. */
    public void runUntil(Instant stop) {
        while (!events.isEmpty() && events.peek().at().isBefore(stop)) {
            step(events.poll());
        }
        advance(stop);
    }

    /** Handles every event up to and including {@code t}, then moves the clock to it. */
    public void advanceTo(Instant t) {
        while (!events.isEmpty() && !events.peek().at().isAfter(t)) {
            step(events.poll());
        }
        advance(t);
    }

    public Instant now() {
        return now;
    }

    public Scenario scenario() {
        return scenario;
    }

    public Collection<SimUnit> units() {
        return units.values();
    }

    /** The unit of that id, or null. */
    public SimUnit unit(String unitId) {
        return units.get(unitId);
    }

    /** Incidents reported and not yet closed. */
    public Collection<SimIncident> openIncidents() {
        return open.values();
    }

    public SimIncident openIncident(String id) {
        return open.get(id);
    }

    /** Runs {@code action} on the simulation's clock at {@code at} (a dispatcher's delay, say). */
    public void later(Instant at, Runnable action) {
        events.add(new Event(at, Kind.DESK, sequence++, null, null, null, 0, action));
    }

    /** The on-duty units of the incident's group that have not failed to reach it, as dispatch sees them. */
    public List<Officer> officersFor(SimIncident incident) {
        List<Officer> officers = new ArrayList<>();
        for (SimUnit unit : unitsByGroup.getOrDefault(incident.generated.dispatchGroup(), List.of())) {
            if (unit.state != OfficerState.OFF_DUTY && !incident.unreachable.contains(unit.unit.id())) {
                officers.add(unit.asOfficer(now));
            }
        }
        return officers;
    }

    public boolean anyAvailable(String group) {
        return unitsByGroup.getOrDefault(group, List.of()).stream().anyMatch(u -> u.state == OfficerState.AVAILABLE);
    }

    /** Grades of the open incidents, for the recommender's diversion rule. */
    public IncidentGrades grades() {
        return id -> {
            SimIncident incident = open.get(id);
            return incident == null ? OptionalInt.empty() : OptionalInt.of(incident.generated.grade());
        };
    }

    /**
     * True when the incident is open with nobody on it and each unit can still go: free, on a break or in custody
     * (it goes when that ends), or, for a grade 1, on its way to another incident (it is diverted).
     */
    public boolean canGo(SimIncident incident, List<String> unitIds) {
        if (!open.containsKey(incident.id()) || !incident.assigned.isEmpty() || unitIds.isEmpty()) {
            return false;
        }
        return unitIds.stream().map(units::get).allMatch(u -> u != null && u.committedTo == null
                && (u.state == OfficerState.AVAILABLE || waitsToGo(u)
                || (u.state == OfficerState.EN_ROUTE && incident.generated.grade() == 1)));
    }

    /**
     * A dispatcher's decision: each unit sets off, or is booked to go when its break or custody ends. A unit that
     * no road joins to the incident stays and is not offered again. False when none of the units is on it.
     */
    public boolean send(SimIncident incident, List<String> unitIds) {
        for (String id : unitIds) {
            SimUnit unit = units.get(id);
            if (waitsToGo(unit)) {
                unit.committedTo = incident; // the recommender counted it from when it is free
                incident.assigned.add(unit);
                changed(unit);
            } else if (!depart(unit, incident)) {
                incident.unreachable.add(id);
            }
        }
        return !incident.assigned.isEmpty();
    }

    /**
     * An available unit drives to a post and waits there, instead of patrolling its home area, until it is sent to an
     * incident or its shift ends (a move-up); with a {@code stay}, it leaves that long after arriving (a patrol
     * visit). False when the unit is not free or no road joins it to the post.
     */
    public boolean sendToPost(String unitId, GeoPoint post, Duration stay) {
        SimUnit unit = units.get(unitId);
        if (unit == null || unit.state != OfficerState.AVAILABLE || unit.committedTo != null) {
            return false;
        }
        // Not an emergency: routed as for grade 2.
        TravelMode mode = TravelMode.forResponse(unit.unit.transport(), unit.unit.drivingStandard(), 2);
        TravelTime time = travel.toTarget(post, List.of(new Journey(unit.unit.id(), unit.position, mode)), now)
                .get(unit.unit.id());
        if (!(time instanceof TravelTime.Reached reached)) {
            return false;
        }
        unit.post = post;
        unit.postStay = stay;
        unit.postUntil = null;
        unit.token++;
        unit.tripStart = now;
        unit.tripSeconds = reached.seconds();
        listeners.forEach(l -> l.sentToPost(unit, reached.meters() / 1000));
        desk.sentToPost(unit, reached.meters() / 1000);
        schedule(now.plusMillis(Math.round(reached.seconds() * 1000)), Kind.PATROL, unit, null, null, unit.token);
        return true;
    }

    /**
     * The unit stops its move-up or patrol visit (the task was withdrawn): it patrols its home area again from where
     * it is. False when it had no post.
     */
    public boolean recallFromPost(String unitId) {
        SimUnit unit = units.get(unitId);
        if (unit == null || unit.post == null) {
            return false;
        }
        leavePost(unit);
        if (unit.state == OfficerState.AVAILABLE) {
            unit.token++;
            schedulePatrol(unit);
        }
        return true;
    }

    private static boolean waitsToGo(SimUnit unit) {
        return unit.state == OfficerState.ON_BREAK || unit.state == OfficerState.PRISONER_PROCESSING;
    }

    // ---- the loop ----

    private void step(Event event) {
        advance(event.at());
        SimUnit unit = event.unit();
        boolean current = unit != null && event.token() == unit.token;
        switch (event.kind()) {
            case INCIDENT -> onIncident(event.incident());
            case PHONE_CLOSED -> close(event.incident());
            case DESK -> event.action().run();
            case SHIFT_START -> {
                if (unit.duty.shiftStarts(event.shift(), unit.state == OfficerState.OFF_DUTY)) {
                    startShift(unit, event.shift());
                }
            }
            case SHIFT_END -> onShiftEnd(unit, event.shift());
            case BREAK_DUE -> {
                if (unit.duty.breakStartsNow(event.shift(), unit.state == OfficerState.AVAILABLE)) {
                    startBreak(unit);
                }
            }
            case BREAK_END, CUSTODY_DONE -> {
                if (current) {
                    freed(unit);
                }
            }
            case ARRIVE -> {
                if (current) {
                    onArrive(unit, event.incident());
                }
            }
            case CLEAR -> {
                if (current) {
                    onClear(unit, event.incident());
                }
            }
            case PATROL -> {
                if (current && unit.state == OfficerState.AVAILABLE) {
                    patrol(unit);
                }
            }
        }
    }

    private void advance(Instant t) {
        if (t.isBefore(now)) {
            return;
        }
        for (SimulationListener listener : listeners) {
            listener.advancing(now, t);
        }
        now = t;
    }

    // ---- incidents ----

    private void onIncident(SimIncident incident) {
        open.put(incident.id(), incident);
        listeners.forEach(l -> l.reported(incident));
        desk.reported(incident);
        if (!incident.generated.dispatched()) {
            // Grades 3-4: resolved by phone or appointment, no unit now.
            schedule(now.plusMillis((long) (scenario.demand().phoneResolutionMinutes() * 60_000)), Kind.PHONE_CLOSED,
                    null, incident, null, 0);
        }
    }

    private void close(SimIncident incident) {
        open.remove(incident.id());
        listeners.forEach(l -> l.closed(incident));
        desk.closed(incident);
    }

    /** Sends the unit on its way; false when no road joins it to the incident. */
    private boolean depart(SimUnit unit, SimIncident incident) {
        TravelMode mode = TravelMode.forResponse(unit.unit.transport(), unit.unit.drivingStandard(), incident.generated.grade());
        TravelTime time = travel.toTarget(incident.generated.location(),
                List.of(new Journey(unit.unit.id(), unit.position, mode)), now).get(unit.unit.id());
        if (!(time instanceof TravelTime.Reached reached)) {
            return false;
        }
        if (unit.state == OfficerState.EN_ROUTE && unit.incident != null && unit.incident != incident) {
            divert(unit);
        }
        leavePost(unit);
        unit.token++;
        unit.incident = incident;
        unit.tripStart = now;
        unit.tripSeconds = reached.seconds();
        unit.tripKm = reached.meters() / 1000;
        incident.assigned.add(unit);
        schedule(now.plusMillis(Math.round(reached.seconds() * 1000)), Kind.ARRIVE, unit, incident, null, unit.token);
        setState(unit, OfficerState.EN_ROUTE);
        return true;
    }

    /** The unit leaves the lower-grade incident it was travelling to; with nobody left on it, it waits again. */
    private void divert(SimUnit unit) {
        SimIncident left = unit.incident;
        double share = unit.tripSeconds <= 0 ? 1
                : Math.min(1, Duration.between(unit.tripStart, now).toMillis() / 1000.0 / unit.tripSeconds);
        double km = unit.tripKm * share;
        listeners.forEach(l -> l.travelled(left, km));
        listeners.forEach(l -> l.diverted(unit, left));
        left.assigned.remove(unit);
        unit.incident = null;
        if (left.assigned.isEmpty() && left.firstArrival == null) {
            desk.uncovered(left);
        }
    }

    private void onArrive(SimUnit unit, SimIncident incident) {
        listeners.forEach(l -> l.travelled(incident, unit.tripKm));
        unit.position = incident.generated.location();
        boolean first = incident.firstArrival == null;
        if (first) {
            incident.firstArrival = now;
            incident.sceneUntil = now.plus(incident.generated.timeOnScene());
        }
        if (incident.generated.arrest() && !incident.prisonerTaken && unit.unit.doubleCrewed()) {
            incident.prisonerTaken = true;
            unit.takesPrisoner = true;
        }
        listeners.forEach(l -> l.arrived(unit, incident, first));
        setState(unit, OfficerState.ON_SCENE);
        Instant clear = incident.sceneUntil.isAfter(now) ? incident.sceneUntil : now;
        schedule(clear, Kind.CLEAR, unit, incident, null, unit.token);
    }

    private void onClear(SimUnit unit, SimIncident incident) {
        listeners.forEach(l -> l.cleared(unit, incident));
        incident.assigned.remove(unit);
        unit.incident = null;
        if (incident.assigned.isEmpty()) {
            close(incident);
        }
        if (unit.takesPrisoner) {
            unit.takesPrisoner = false;
            toCustody(unit, incident);
            return;
        }
        becomeFree(unit);
    }

    private void toCustody(SimUnit unit, SimIncident incident) {
        GeoPoint custody = scenario.custodySuites().stream()
                .min(Comparator.comparingDouble(s -> s.location().metersTo(unit.position))).orElseThrow().location();
        TravelMode mode = TravelMode.forResponse(unit.unit.transport(), unit.unit.drivingStandard(), 2);
        TravelTime time = travel.toTarget(custody, List.of(new Journey(unit.unit.id(), unit.position, mode)), now)
                .get(unit.unit.id());
        double seconds = 0;
        if (time instanceof TravelTime.Reached r) {
            seconds = r.seconds();
            listeners.forEach(l -> l.travelled(incident, r.meters() / 1000));
        }
        unit.token++;
        unit.position = custody;
        unit.freeAt = now.plusMillis(Math.round(seconds * 1000)).plus(incident.generated.custodyTime());
        schedule(unit.freeAt, Kind.CUSTODY_DONE, unit, null, null, unit.token);
        setState(unit, OfficerState.PRISONER_PROCESSING);
    }

    // ---- units: free, breaks, shifts, patrol ----

    /** A break or custody ended: a unit booked meanwhile sets off, any other becomes free. */
    private void freed(SimUnit unit) {
        SimIncident committed = unit.committedTo;
        unit.committedTo = null;
        unit.freeAt = null;
        if (committed != null && open.containsKey(committed.id()) && committed.firstArrival == null) {
            committed.assigned.remove(unit);
            unit.state = OfficerState.AVAILABLE; // for a moment: it sets off from here
            unit.changedAt = now;
            if (!depart(unit, committed)) {
                committed.unreachable.add(unit.unit.id());
                if (committed.assigned.isEmpty()) {
                    desk.uncovered(committed);
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

    private void becomeFree(SimUnit unit) {
        unit.token++;
        unit.freeAt = null;
        switch (unit.duty.whenFree()) {
            case OFF_DUTY -> offDuty(unit, true);
            case BREAK -> startBreak(unit);
            case AVAILABLE -> {
                setState(unit, OfficerState.AVAILABLE);
                if (unit.state == OfficerState.AVAILABLE) {
                    schedulePatrol(unit);
                }
            }
        }
    }

    private void startBreak(SimUnit unit) {
        unit.duty.takeBreak();
        listeners.forEach(l -> l.breakTaken(unit));
        unit.token++;
        unit.freeAt = now.plusMillis(Math.round(scenario.shifts().breakMinutes() * 60_000));
        schedule(unit.freeAt, Kind.BREAK_END, unit, null, null, unit.token);
        setState(unit, OfficerState.ON_BREAK);
    }

    private void startShift(SimUnit unit, CrewShift shift) {
        // A shift already running when the run starts is taken to have had its break if it fell due before.
        boolean breakTaken = !shift.breakDue().isAfter(now) && shift.start().isBefore(begin);
        unit.duty.start(shift, breakTaken);
        unit.position = unit.unit.home();
        leavePost(unit);
        unit.token++;
        schedule(shift.end(), Kind.SHIFT_END, unit, null, shift, 0);
        if (!breakTaken) {
            schedule(shift.breakDue().isBefore(now) ? now : shift.breakDue(), Kind.BREAK_DUE, unit, null, shift, 0);
        }
        setState(unit, OfficerState.AVAILABLE);
        if (unit.state == OfficerState.AVAILABLE) {
            schedulePatrol(unit);
        }
    }

    private void onShiftEnd(SimUnit unit, CrewShift shift) {
        boolean canLeave = unit.state == OfficerState.AVAILABLE
                || (unit.state == OfficerState.ON_BREAK && unit.committedTo == null);
        if (unit.duty.shiftEnds(shift, canLeave)) {
            offDuty(unit, false);
        }
    }

    private void offDuty(SimUnit unit, boolean overran) {
        listeners.forEach(l -> l.shiftEnded(unit, overran));
        CrewShift next = unit.duty.end(now);
        unit.token++;
        unit.freeAt = null;
        setState(unit, OfficerState.OFF_DUTY);
        if (next != null) {
            startShift(unit, next);
        }
    }

    private void schedulePatrol(SimUnit unit) {
        Duration stay = MIN_PATROL_STAY.plusMinutes(unit.random.nextInt(PATROL_STAY_SPREAD_MINUTES));
        schedule(now.plus(stay), Kind.PATROL, unit, null, null, unit.token);
    }

    private void patrol(SimUnit unit) {
        if (unit.post != null && (unit.postUntil == null || now.isBefore(unit.postUntil))) {
            atPost(unit);
            return;
        }
        leavePost(unit);
        List<GeoPoint> points = patrolPoints.get(unit.unit.homeArea());
        if (points != null && !points.isEmpty()) {
            unit.position = points.get(unit.random.nextInt(points.size()));
            listeners.forEach(l -> l.moved(unit));
            desk.moved(unit);
        }
        schedulePatrol(unit);
    }

    /** Arrives at (or stays at) its post; a patrol visit's clock starts on arrival. */
    private void atPost(SimUnit unit) {
        if (unit.postStay != null && unit.postUntil == null) {
            unit.postUntil = now.plus(unit.postStay);
        }
        if (!unit.post.equals(unit.position)) {
            unit.position = unit.post;
            listeners.forEach(l -> l.moved(unit));
            desk.moved(unit);
        }
        if (unit.postUntil != null) {
            schedule(unit.postUntil, Kind.PATROL, unit, null, null, unit.token);
        } else {
            schedulePatrol(unit);
        }
    }

    private static void leavePost(SimUnit unit) {
        unit.post = null;
        unit.postStay = null;
        unit.postUntil = null;
    }

    // ---- bookkeeping ----

    private void schedule(Instant at, Kind kind, SimUnit unit, SimIncident incident, CrewShift shift, int token) {
        events.add(new Event(at, kind, sequence++, unit, incident, shift, token, null));
    }

    private void setState(SimUnit unit, OfficerState state) {
        if (unit.state != state) {
            unit.state = state;
            unit.changedAt = now;
        }
        changed(unit);
    }

    private void changed(SimUnit unit) {
        listeners.forEach(l -> l.changed(unit));
        desk.changed(unit);
    }
}
