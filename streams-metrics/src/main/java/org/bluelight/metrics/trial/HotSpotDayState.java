package org.bluelight.metrics.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.OutcomeCounts;
import org.bluelight.schemas.TrialArm;

/** Running totals of one hot spot on one trial day: the sum of its {@link HotSpotDayChange}s. */
public record HotSpotDayState(String hotSpotId, LocalDate trialDay, TrialArm arm, Map<Outcome, Integer> counts,
                              double patrolMinutes, int patrolVisits, Instant updatedAt) {

    public HotSpotDayState {
        counts = counts.isEmpty() ? Map.of() : Map.copyOf(counts);
    }

    public static HotSpotDayState empty(String hotSpotId, LocalDate trialDay) {
        return new HotSpotDayState(hotSpotId, trialDay, null, Map.of(), 0.0, 0, Instant.EPOCH);
    }

    public int count(Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public HotSpotDayState apply(HotSpotDayChange change) {
        Map<Outcome, Integer> next = new EnumMap<>(Outcome.class);
        next.putAll(counts);
        change.countChanges().forEach((outcome, delta) -> next.merge(outcome, delta, Integer::sum));
        next.values().removeIf(value -> value == 0);
        Instant latest = change.at().isAfter(updatedAt) ? change.at() : updatedAt;
        return new HotSpotDayState(hotSpotId, trialDay, change.arm() != null ? change.arm() : arm, next,
                patrolMinutes + change.patrolMinutes(), patrolVisits + change.patrolVisits(), latest);
    }

    public HotSpotDay toAvro() {
        OutcomeCounts outcomeCounts = OutcomeCounts.newBuilder()
                .setViolentCrime(count(Outcome.VIOLENT_CRIME))
                .setViolentAndSexual(count(Outcome.VIOLENT_AND_SEXUAL))
                .setAllCrime(count(Outcome.ALL_CRIME))
                .setMostSeriousViolence(count(Outcome.MOST_SERIOUS_VIOLENCE))
                .setSexualAssault(count(Outcome.SEXUAL_ASSAULT))
                .setKnifeEnabled(count(Outcome.KNIFE_ENABLED))
                .setAcquisitive(count(Outcome.ACQUISITIVE))
                .setAllExcludingPoliceInitiated(count(Outcome.ALL_EXCLUDING_POLICE_INITIATED))
                .setPossessionOfWeapons(count(Outcome.POSSESSION_OF_WEAPONS))
                .setPossessionOfDrugs(count(Outcome.POSSESSION_OF_DRUGS))
                .build();
        return HotSpotDay.newBuilder()
                .setHotSpotId(hotSpotId)
                .setTrialDay(trialDay)
                .setArm(arm)
                .setCounts(outcomeCounts)
                .setPatrolMinutes(patrolMinutes)
                .setPatrolVisits(patrolVisits)
                .setUpdatedAt(updatedAt)
                .build();
    }

    /** The outcome counts of a published record, by outcome. */
    public static Map<Outcome, Integer> countsOf(HotSpotDay day) {
        OutcomeCounts c = day.getCounts();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.VIOLENT_CRIME, c.getViolentCrime());
        counts.put(Outcome.VIOLENT_AND_SEXUAL, c.getViolentAndSexual());
        counts.put(Outcome.ALL_CRIME, c.getAllCrime());
        counts.put(Outcome.MOST_SERIOUS_VIOLENCE, c.getMostSeriousViolence());
        counts.put(Outcome.SEXUAL_ASSAULT, c.getSexualAssault());
        counts.put(Outcome.KNIFE_ENABLED, c.getKnifeEnabled());
        counts.put(Outcome.ACQUISITIVE, c.getAcquisitive());
        counts.put(Outcome.ALL_EXCLUDING_POLICE_INITIATED, c.getAllExcludingPoliceInitiated());
        counts.put(Outcome.POSSESSION_OF_WEAPONS, c.getPossessionOfWeapons());
        counts.put(Outcome.POSSESSION_OF_DRUGS, c.getPossessionOfDrugs());
        return counts;
    }
}
