package org.bluelight.simulator.tasking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulationListener;
import org.bluelight.simulator.evaluation.SimulationWindow;
import org.bluelight.simulator.scenario.HotSpotSpec;

/**
 * Dosage in the simulated trial, per hot spot per trial day, by that day's arm: patrol dosage (time units spend
 * free inside a hot spot's radius, and the stays of at least ten minutes) and presence (free or at a scene there,
 * which is what telematics alone shows). A travelling unit is seen where it set off from (the simulation's
 * simplification), so time on the road is not counted.
 */
public final class DosageLog implements SimulationListener {

    private static final Duration LONG_VISIT = Duration.ofMinutes(10);

    private final TrialDays trial;
    private final SimulationWindow window;
    private final Tracker patrol = new Tracker(state -> state == OfficerState.AVAILABLE);
    private final Tracker presence = new Tracker(state -> state == OfficerState.AVAILABLE || state == OfficerState.ON_SCENE);
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
        patrol.update(unit);
        presence.update(unit);
    }

    @Override
    public void moved(SimUnit unit) {
        changed(unit);
    }

    /** Mean minutes of patrol per hot spot per measured trial day in the arm. */
    public double patrolMinutes(TrialArm arm) {
        return mean(arm, patrol.minutes);
    }

    /** Mean stays of ten minutes or more on patrol per hot spot per measured trial day in the arm. */
    public double longVisits(TrialArm arm) {
        return mean(arm, patrol.longVisits);
    }

    /** Mean minutes free or at a scene per hot spot per measured trial day in the arm. */
    public double presenceMinutes(TrialArm arm) {
        return mean(arm, presence.minutes);
    }

    /** Over the hot-spot days whose trial day starts inside the measured window. */
    private double mean(TrialArm arm, Map<String, Double> values) {
        List<String> keys = new ArrayList<>();
        for (LocalDate day = trial.dayOf(window.measureFrom()); !day.isAfter(trial.dayOf(window.end())); day = day.plusDays(1)) {
            Instant start = trial.startOf(day);
            if (window.measures(start)) {
                LocalDate d = day;
                trial.arms(start).forEach((id, a) -> {
                    if (a == arm) {
                        keys.add(key(id, d));
                    }
                });
            }
        }
        return keys.isEmpty() ? Double.NaN
                : keys.stream().mapToDouble(k -> values.getOrDefault(k, 0.0)).sum() / keys.size();
    }

    private static String key(String hotSpot, LocalDate day) {
        return hotSpot + "@" + day;
    }

    /** Stays of units inside hot spots while in the states it counts. */
    private final class Tracker {

        private record Stay(String hotSpot, Instant since) {
        }

        private final Predicate<OfficerState> counts;
        private final Map<String, Stay> stays = new HashMap<>();
        private final Map<String, Double> minutes = new HashMap<>();
        private final Map<String, Double> longVisits = new HashMap<>();

        Tracker(Predicate<OfficerState> counts) {
            this.counts = counts;
        }

        void update(SimUnit unit) {
            String inside = null;
            if (counts.test(unit.state())) {
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
                longVisits.merge(key, 1.0, Double::sum);
            }
        }
    }
}
