package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulationListener;
import org.bluelight.simulator.evaluation.SimulationWindow;
import org.bluelight.simulator.scenario.HotSpotSpec;

/**
 * Patrol dosage in the simulated trial, as telematics would show it: the time units spend inside each hot spot
 * (within its radius) while free or at a scene, and the visits of at least ten minutes, per hot spot per trial day,
 * by that day's arm. A travelling unit is seen where it set off from (the simulation's simplification), so time on
 * the road is not counted.
 */
public final class DosageLog implements SimulationListener {

    private static final Duration LONG_VISIT = Duration.ofMinutes(10);

    private record Stay(String hotSpot, Instant since) {
    }

    private final TrialDays trial;
    private final SimulationWindow window;
    private final Map<String, Stay> stays = new HashMap<>();
    private final Map<String, Double> minutes = new HashMap<>();
    private final Map<String, Integer> longVisits = new HashMap<>();
    private Instant now;

    public DosageLog(TrialDays trial, SimulationWindow window) {
        this.trial = trial;
        this.window = window;
        this.now = window.start();
    }

    @Override
    public void advancing(Instant from, Instant to) {
        now = to;
    }

    @Override
    public void changed(SimUnit unit) {
        update(unit);
    }

    @Override
    public void moved(SimUnit unit) {
        update(unit);
    }

    private void update(SimUnit unit) {
        String inside = null;
        if (unit.state() == OfficerState.AVAILABLE || unit.state() == OfficerState.ON_SCENE) {
            for (HotSpotSpec spot : trial.hotSpots()) {
                if (spot.centre().metersTo(unit.position()) <= spot.radiusKm() * 1000) {
                    inside = spot.id();
                    break;
                }
            }
        }
        Stay stay = stays.get(unit.id());
        if (stay != null && stay.hotSpot().equals(inside)) {
            return;
        }
        if (stay != null) {
            close(stay);
            stays.remove(unit.id());
        }
        if (inside != null) {
            stays.put(unit.id(), new Stay(inside, now));
        }
    }

    private void close(Stay stay) {
        if (!window.measures(stay.since())) {
            return;
        }
        Duration length = Duration.between(stay.since(), now);
        String key = key(stay.hotSpot(), trial.dayOf(stay.since()));
        minutes.merge(key, length.toMillis() / 60_000.0, Double::sum);
        if (length.compareTo(LONG_VISIT) >= 0) {
            longVisits.merge(key, 1, Integer::sum);
        }
    }

    /** Mean minutes per hot spot per measured trial day in the arm. */
    public double minutesPerHotSpotDay(TrialArm arm) {
        return mean(arm, minutes);
    }

    /** Mean visits of ten minutes or more per hot spot per measured trial day in the arm. */
    public double longVisitsPerHotSpotDay(TrialArm arm) {
        Map<String, Double> counts = new HashMap<>();
        longVisits.forEach((k, v) -> counts.put(k, v.doubleValue()));
        return mean(arm, counts);
    }

    private double mean(TrialArm arm, Map<String, Double> values) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = trial.dayOf(window.measureFrom()).plusDays(1); day.isBefore(trial.dayOf(window.end()));
             day = day.plusDays(1)) {
            Instant noon = day.atTime(12, 0).atZone(trial.zone()).toInstant();
            LocalDate d = day;
            trial.arms(noon).forEach((id, a) -> {
                if (a == arm) {
                    keys.add(key(id, d));
                }
            });
        }
        return keys.isEmpty() ? Double.NaN
                : keys.stream().mapToDouble(k -> values.getOrDefault(k, 0.0)).sum() / keys.size();
    }

    private static String key(String hotSpot, LocalDate day) {
        return hotSpot + "@" + day;
    }
}
