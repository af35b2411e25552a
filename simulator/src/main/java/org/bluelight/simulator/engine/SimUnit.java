package org.bluelight.simulator.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.force.CrewDuty;
import org.bluelight.simulator.force.Unit;

/** A unit as the simulation drives it; read by desks and listeners, changed only by {@link ForceSimulation}. */
public final class SimUnit {
    final Unit unit;
    final SplittableRandom random;
    final CrewDuty duty = new CrewDuty();
    OfficerState state = OfficerState.OFF_DUTY;
    Instant changedAt = Instant.EPOCH;
    GeoPoint position;
    boolean takesPrisoner;
    SimIncident incident;
    SimIncident committedTo;
    Instant freeAt;
    Instant tripStart;
    double tripSeconds;
    double tripKm;
    int token;
    GeoPoint post;
    Duration postStay;
    Instant postUntil;

    SimUnit(Unit unit, SplittableRandom random) {
        this.unit = unit;
        this.random = random;
        this.position = unit.home();
    }

    public Unit unit() {
        return unit;
    }

    public String id() {
        return unit.id();
    }

    public OfficerState state() {
        return state;
    }

    public GeoPoint position() {
        return position;
    }

    /** The incident it is travelling to or working at, or null. */
    public SimIncident incident() {
        return incident;
    }

    /** When a break or prisoner processing ends, or null. */
    public Instant freeAt() {
        return freeAt;
    }

    public CrewDuty duty() {
        return duty;
    }

    /**
     * When the current trip (to an incident, or to a post) started, and how long it takes: where a travelling unit is
     * along its road.
     */
    public Instant tripStart() {
        return tripStart;
    }

    public double tripSeconds() {
        return tripSeconds;
    }

    /** Where it was sent to wait or patrol (a move-up or a patrol visit), or null. */
    public GeoPoint post() {
        return post;
    }

    /** The unit as dispatch sees it at {@code now}. */
    public Officer asOfficer(Instant now) {
        // A unit booked for an incident once its break ends is not free to be booked again.
        OfficerState shown = committedTo != null ? OfficerState.UNAVAILABLE : state;
        Instant predicted = shown == OfficerState.ON_BREAK || shown == OfficerState.PRISONER_PROCESSING ? freeAt : null;
        return new Officer(unit.id(), unit.callSign(), shown, changedAt, unit.crewSize(), unit.drivingStandard(),
                unit.transport(), unit.station(), unit.homeArea(), unit.dispatchGroup(),
                duty.shift() == null ? null : duty.shift().end(), predicted, incident == null ? null : incident.id(),
                position, now, null);
    }
}
