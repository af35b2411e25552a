package org.bluelight.simulator.live;

import java.time.Instant;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.route.Route;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.force.CrewDuty;
import org.bluelight.simulator.force.Unit;

/** A unit as the live simulator drives it; touched only by the simulator's thread. */
final class LiveUnit {
    final Unit unit;
    final SplittableRandom random;
    OfficerState state = OfficerState.OFF_DUTY;
    final CrewDuty duty = new CrewDuty();
    GeoPoint position;
    boolean takesPrisoner;
    LiveIncident incident;
    LiveIncident committedTo;
    Instant freeAt;
    Route route;
    Instant routeStart;
    int token;

    LiveUnit(Unit unit) {
        this.unit = unit;
        this.position = unit.home();
        this.random = new SplittableRandom(unit.id().hashCode());
    }
}
