package org.bluelight.metrics.trial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.TrialArm;

/**
 * The trial so far, per arm: hot-spot-days observed against the target sample, mean count per
 * outcome, mean patrol dosage, and the treatment/control rate ratio of each outcome's mean.
 *
 * <p>Only completed trial days with an allocated arm are observations: a day still running would
 * bias the means down, and a day without an arm is not part of the trial.
 *
 * @param rateRatios treatment mean / control mean per outcome; absent when the control mean is 0
 */
public record TrialSummary(Instant asOf, int targetHotSpotDays, List<ArmSummary> arms, Map<Outcome, Double> rateRatios) {

    /** Minimum total sample of the Thames Valley trial (2,021 per arm). */
    public static final int TARGET_HOT_SPOT_DAYS = 4042;

    public record ArmSummary(TrialArm arm, int hotSpotDays, int targetHotSpotDays, Map<Outcome, Double> meanCounts,
                             double meanPatrolMinutes, double meanPatrolVisits) {
    }

    public static TrialSummary of(Iterable<HotSpotDay> days, TrialDayClock clock, Instant asOf, int targetHotSpotDays) {
        Map<TrialArm, List<HotSpotDay>> byArm = new EnumMap<>(TrialArm.class);
        for (TrialArm arm : TrialArm.values()) {
            byArm.put(arm, new ArrayList<>());
        }
        LocalDate currentDay = clock.trialDayOf(asOf);
        for (HotSpotDay day : days) {
            if (day.getArm() != null && day.getTrialDay().isBefore(currentDay)) {
                byArm.get(day.getArm()).add(day);
            }
        }
        int targetPerArm = targetHotSpotDays / TrialArm.values().length;
        List<ArmSummary> arms = new ArrayList<>();
        byArm.forEach((arm, armDays) -> arms.add(summarise(arm, armDays, targetPerArm)));
        Map<Outcome, Double> ratios = new EnumMap<>(Outcome.class);
        ArmSummary treatment = arms.get(TrialArm.TREATMENT.ordinal());
        ArmSummary control = arms.get(TrialArm.CONTROL.ordinal());
        for (Outcome outcome : Outcome.values()) {
            Double t = treatment.meanCounts().get(outcome);
            Double c = control.meanCounts().get(outcome);
            if (t != null && c != null && c > 0) {
                ratios.put(outcome, t / c);
            }
        }
        return new TrialSummary(asOf, targetHotSpotDays, List.copyOf(arms), ratios);
    }

    private static ArmSummary summarise(TrialArm arm, List<HotSpotDay> days, int targetPerArm) {
        Map<Outcome, Double> means = new EnumMap<>(Outcome.class);
        if (days.isEmpty()) {
            return new ArmSummary(arm, 0, targetPerArm, means, 0.0, 0.0);
        }
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        double minutes = 0;
        long visits = 0;
        for (HotSpotDay day : days) {
            HotSpotDayState.countsOf(day).forEach((outcome, count) -> totals.merge(outcome, (long) count, Long::sum));
            minutes += day.getPatrolMinutes();
            visits += day.getPatrolVisits();
        }
        totals.forEach((outcome, total) -> means.put(outcome, total / (double) days.size()));
        return new ArmSummary(arm, days.size(), targetPerArm, means, minutes / days.size(), visits / (double) days.size());
    }
}
