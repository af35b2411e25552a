package org.bluelight.simulator.tasking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bluelight.schemas.TrialArm;
import org.bluelight.simulator.scenario.HotSpotSpec;

/**
 * The simulated trial's schedule: each trial day (06:00 to 05:59 local) half the scenario's hot spots, drawn afresh
 * from the seed and the day, are in treatment and the rest in control, as in the Thames Valley design.
 */
public final class TrialDays {

    private static final int DAY_STARTS_AT_HOUR = 6;

    private final List<HotSpotSpec> hotSpots;
    private final ZoneId zone;
    private final long seed;

    public TrialDays(List<HotSpotSpec> hotSpots, ZoneId zone, long seed) {
        this.hotSpots = List.copyOf(hotSpots);
        this.zone = zone;
        this.seed = seed;
    }

    public LocalDate dayOf(Instant t) {
        return t.atZone(zone).minusHours(DAY_STARTS_AT_HOUR).toLocalDate();
    }

    /** When the trial day starts (06:00 local). */
    public Instant startOf(LocalDate day) {
        return day.atTime(DAY_STARTS_AT_HOUR, 0).atZone(zone).toInstant();
    }

    /** Each hot spot's arm on the trial day holding {@code t}. */
    public Map<String, TrialArm> arms(Instant t) {
        List<String> ids = new ArrayList<>(hotSpots.stream().map(HotSpotSpec::id).toList());
        Collections.shuffle(ids, new Random(seed * 1_000_003L + dayOf(t).toEpochDay()));
        Map<String, TrialArm> arms = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            arms.put(ids.get(i), i < ids.size() / 2 ? TrialArm.TREATMENT : TrialArm.CONTROL);
        }
        return arms;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<HotSpotSpec> hotSpots() {
        return hotSpots;
    }
}
