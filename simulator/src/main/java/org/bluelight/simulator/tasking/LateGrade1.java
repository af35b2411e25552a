package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bluelight.schemas.OfficerState;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulationListener;
import org.bluelight.simulator.evaluation.SimulationWindow;

/**
 * Why grade 1 incidents are late: a late one whose first crew set off after the target had passed was lost before
 * anyone drove (call handling and the wait for a free crew: only more free crews help), one whose crew set off in
 * time was lost on the road (where officers stand when the call comes is what a move-up can change).
 */
public final class LateGrade1 implements SimulationListener {

    private static final Duration TARGET = Duration.ofMinutes(15);

    private final SimulationWindow window;
    private final Map<String, Instant> reported = new LinkedHashMap<>();
    private final Map<String, Instant> setOff = new HashMap<>();
    private final Map<String, Instant> arrived = new HashMap<>();
    private Instant now;

    public LateGrade1(SimulationWindow window) {
        this.window = window;
        this.now = window.start();
    }

    @Override
    public void advancing(Instant from, Instant to) {
        now = to;
    }

    @Override
    public void reported(SimIncident incident) {
        if (incident.generated().grade() == 1 && window.measures(incident.generated().reportedAt())) {
            reported.put(incident.id(), incident.generated().reportedAt());
        }
    }

    @Override
    public void changed(SimUnit unit) {
        SimIncident incident = unit.incident();
        if (incident != null && unit.state() == OfficerState.EN_ROUTE && reported.containsKey(incident.id())) {
            setOff.putIfAbsent(incident.id(), now);
        }
    }

    @Override
    public void arrived(SimUnit unit, SimIncident incident, boolean first) {
        if (first && reported.containsKey(incident.id())) {
            arrived.putIfAbsent(incident.id(), now);
        }
    }

    /** Late grade 1 incidents whose first crew set off after the target, or never. */
    public int lateBeforeSetOff() {
        return (int) reported.entrySet().stream().filter(e -> late(e.getKey(), e.getValue()))
                .filter(e -> !setOff.containsKey(e.getKey()) || afterTarget(e.getValue(), setOff.get(e.getKey()))).count();
    }

    /** Late grade 1 incidents whose first crew set off in time but arrived after the target. */
    public int lateOnTheRoad() {
        return (int) reported.entrySet().stream().filter(e -> late(e.getKey(), e.getValue()))
                .filter(e -> setOff.containsKey(e.getKey()) && !afterTarget(e.getValue(), setOff.get(e.getKey()))).count();
    }

    /** Mean minutes from the call to the first crew setting off, over the late grade 1 incidents that had one. */
    public double lateMinutesToSetOff() {
        return reported.entrySet().stream().filter(e -> late(e.getKey(), e.getValue()) && setOff.containsKey(e.getKey()))
                .mapToDouble(e -> Duration.between(e.getValue(), setOff.get(e.getKey())).toMillis() / 60_000.0)
                .average().orElse(Double.NaN);
    }

    private boolean late(String id, Instant at) {
        Instant arrival = arrived.get(id);
        return arrival == null || afterTarget(at, arrival);
    }

    private static boolean afterTarget(Instant reportedAt, Instant t) {
        return Duration.between(reportedAt, t).compareTo(TARGET) > 0;
    }
}
