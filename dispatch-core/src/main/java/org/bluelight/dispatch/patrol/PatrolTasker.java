package org.bluelight.dispatch.patrol;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.schemas.TrialArm;

/**
 * Which available officers of one dispatch group go on a patrol visit to which treatment hot spot now. The day's
 * visits per hot spot come from the concave {@link PatrolAllocation}; the next hot spot is drawn at random with
 * weights of its marginal gain given the visits already made, from a seed per day, so the order is not predictable
 * day to day; the nearest free officer within reach goes. Control hot spots are never tasked, and a few officers of
 * the group are always left free.
 */
public final class PatrolTasker {

    private final PatrolSettings settings;

    public PatrolTasker(PatrolSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PatrolSettings settings() {
        return settings;
    }

    /**
     * @param officers   the group's officers; available ones with a position and no task can be tasked
     * @param hotSpots   today's hot spots with their arms
     * @param delivered  visits begun today per hot spot
     * @param lastVisit  when the last visit to each hot spot began
     * @param engaged    officers already on a task or move
     * @param daySeed    the day's seed (kept from officers, so the order cannot be worked out)
     */
    public List<PatrolTask> task(List<Officer> officers, List<TrialHotSpot> hotSpots, Map<String, Integer> delivered,
                                 Map<String, Instant> lastVisit, Set<String> engaged, long daySeed, Instant now) {
        List<TrialHotSpot> treatment = hotSpots.stream().filter(h -> h.arm() == TrialArm.TREATMENT).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        treatment.forEach(h -> weights.put(h.hotSpotId(), h.weight()));
        Map<String, Integer> planned = PatrolAllocation.visits(weights, settings.visitsPerHotSpot() * treatment.size(),
                settings.detectability());
        List<Officer> free = new ArrayList<>(officers.stream()
                .filter(o -> o.isAvailable() && o.position() != null && !engaged.contains(o.id())).toList());
        int spare = free.size() - settings.keepAvailable();
        Set<String> open = new HashSet<>();
        for (TrialHotSpot h : treatment) {
            Instant last = lastVisit.get(h.hotSpotId());
            if (delivered.getOrDefault(h.hotSpotId(), 0) < planned.get(h.hotSpotId())
                    && (last == null || !now.isBefore(last.plus(settings.minGap())))) {
                open.add(h.hotSpotId());
            }
        }
        SplittableRandom random = new SplittableRandom(daySeed ^ now.getEpochSecond());
        List<PatrolTask> tasks = new ArrayList<>();
        while (spare > 0 && !open.isEmpty()) {
            TrialHotSpot hotSpot = draw(treatment, open, delivered, random);
            open.remove(hotSpot.hotSpotId());
            Officer nearest = free.stream()
                    .filter(o -> fitsShift(o, hotSpot, now))
                    .min(Comparator.comparingDouble(o -> o.position().metersTo(hotSpot.centre()))).orElse(null);
            if (nearest == null) {
                continue;
            }
            double minutes = settings.travelMinutes(nearest.position().metersTo(hotSpot.centre()));
            if (minutes > settings.maxTravel().toMillis() / 60_000.0) {
                continue;
            }
            free.remove(nearest);
            spare--;
            int done = delivered.getOrDefault(hotSpot.hotSpotId(), 0);
            tasks.add(new PatrolTask(nearest.id(), hotSpot.hotSpotId(), hotSpot.centre(), settings.visit(), minutes, List.of(
                    "treatment hot spot today",
                    String.format(Locale.ROOT, "visit %d of %d planned today", done + 1, planned.get(hotSpot.hotSpotId())),
                    String.format(Locale.ROOT, "nearest free officer, about %.0f min away", minutes))));
        }
        return tasks;
    }

    private boolean fitsShift(Officer officer, TrialHotSpot hotSpot, Instant now) {
        if (officer.shiftEnd() == null) {
            return true;
        }
        double minutes = settings.travelMinutes(officer.position().metersTo(hotSpot.centre()));
        Instant done = now.plus(Duration.ofSeconds(Math.round(minutes * 60))).plus(settings.visit()).plus(settings.shiftEndMargin());
        return !done.isAfter(officer.shiftEnd());
    }

    /** One of the open hot spots, drawn with weights of one more visit's marginal gain. */
    private TrialHotSpot draw(List<TrialHotSpot> treatment, Set<String> open, Map<String, Integer> delivered,
                              SplittableRandom random) {
        List<TrialHotSpot> candidates = treatment.stream().filter(h -> open.contains(h.hotSpotId())).toList();
        double[] gains = candidates.stream().mapToDouble(h -> PatrolAllocation.marginalGain(h.weight(),
                delivered.getOrDefault(h.hotSpotId(), 0), settings.detectability())).toArray();
        double total = 0;
        for (double g : gains) {
            total += g;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < gains.length; i++) {
            pick -= gains[i];
            if (pick < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(candidates.size() - 1);
    }
}
