package org.bluelight.console.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.HotSpotDay;

/**
 * What analysts see, kept apart from the dispatch view so it is never pushed to dispatchers'
 * browsers: the hot-spot trial's days (metrics.hotspot-trial) and the frequent-service-user
 * tallies (metrics.fsu, pseudonymous ids only).
 */
public final class AnalystView {

    /** One trial day of one arm: hot-spot-days, outcome counts and patrol dosage summed. */
    public record ArmDay(String day, String arm, int hotSpotDays, int violentCrime, int violentAndSexual, int allCrime,
                         double patrolMinutes) {
    }

    private final Map<String, HotSpotDay> trialDays = new TreeMap<>();
    private final Map<String, FsuTally> tallies = new TreeMap<>();

    public synchronized void trialDay(HotSpotDay day) {
        if (day != null) {
            trialDays.put(day.getHotSpotId() + "|" + day.getTrialDay(), day);
        }
    }

    public synchronized void tally(String personId, FsuTally tally) {
        if (tally == null) {
            tallies.remove(personId);
        } else {
            tallies.put(personId, tally);
        }
    }

    /** Per trial day and arm, days in date order; hot-spot-days with no allocation are left out. */
    public synchronized List<ArmDay> trialByDay() {
        Map<String, ArmDay> sums = new TreeMap<>();
        for (HotSpotDay day : trialDays.values()) {
            if (day.getArm() == null) {
                continue;
            }
            String key = day.getTrialDay() + "|" + day.getArm();
            ArmDay sum = sums.getOrDefault(key, new ArmDay(day.getTrialDay().toString(), day.getArm().name(), 0, 0, 0, 0, 0));
            sums.put(key, new ArmDay(sum.day(), sum.arm(), sum.hotSpotDays() + 1,
                    sum.violentCrime() + day.getCounts().getViolentCrime(),
                    sum.violentAndSexual() + day.getCounts().getViolentAndSexual(),
                    sum.allCrime() + day.getCounts().getAllCrime(), sum.patrolMinutes() + day.getPatrolMinutes()));
        }
        return List.copyOf(sums.values());
    }

    /** The ranked people of each metric (1-4), rank 1 first. */
    public synchronized Map<Integer, List<FsuTally>> fsuTop() {
        Map<Integer, List<FsuTally>> lists = new LinkedHashMap<>();
        List<Function<FsuTally, Integer>> ranks = List.of(FsuTally::getRank1, FsuTally::getRank2, FsuTally::getRank3,
                FsuTally::getRank4);
        for (int metric = 1; metric <= 4; metric++) {
            Function<FsuTally, Integer> rank = ranks.get(metric - 1);
            List<FsuTally> ranked = new ArrayList<>(tallies.values().stream().filter(t -> rank.apply(t) != null).toList());
            ranked.sort(Comparator.comparing(rank));
            lists.put(metric, List.copyOf(ranked));
        }
        return lists;
    }
}
