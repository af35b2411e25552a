package org.bluelight.dispatch.ranking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.Prospect;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;

/**
 * Scores one routed unit for one incident: its ETA in seconds plus the adjustments of the
 * dispatch rules, each kept as a named part with a plain-English reason. Lower is better.
 */
public final class Ranker {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final DispatchRules rules;

    public Ranker(DispatchRules rules) {
        this.rules = rules;
    }

    public RankedUnit rank(Incident incident, Prospect prospect, TravelMode mode, TravelTime.Reached route, Instant now) {
        Officer officer = prospect.officer();
        Instant targetAt = incident.reportedAt().plus(rules.target(incident.grade()));
        double waitSeconds = prospect.availableFrom() == null
                ? 0 : Math.max(0, Duration.between(now, prospect.availableFrom()).toMillis() / 1000.0);
        double eta = waitSeconds + route.seconds();
        Instant arrival = now.plusMillis(Math.round(eta * 1000));
        boolean meetsTarget = !arrival.isAfter(targetAt);
        long ageSeconds = officer.positionAge(now).map(Duration::toSeconds).orElse(0L);
        boolean stale = officer.positionStale(now, rules.staleAfter());

        List<ScorePart> parts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        parts.add(new ScorePart("eta", eta));
        String headline = "ETA " + minutes(eta) + " (" + kilometres(route.meters()) + " by road), "
                + officer.drivingStandard().name().toLowerCase(Locale.ROOT) + " driver, "
                + (mode.emergency() ? "emergency route" : "normal road speeds");
        if (incident.grade() != 1) {
            headline += "; " + coverage(officer.coverage(), parts);
        }
        reasons.add(headline);
        if (prospect.availableFrom() != null) {
            reasons.add("free from " + CLOCK.format(prospect.availableFrom()) + " ("
                    + officer.state().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " ends), ETA counted from then");
        }
        if (!meetsTarget) {
            reasons.add("misses the " + minutes(rules.target(incident.grade()).toSeconds()) + " target by "
                    + minutes(Duration.between(targetAt, arrival).toSeconds()));
        }
        crewPreference(incident, officer, parts, reasons);
        if (officer.homeArea() != null && officer.homeArea().equals(incident.neighbourhoodArea())) {
            parts.add(new ScorePart("home-area preference", -rules.homeAreaPreference().toSeconds()));
            reasons.add("home area " + officer.homeArea());
        }
        Instant jobDone = arrival.plus(incident.expectedServiceTime(rules.defaultServiceTime()));
        if (officer.shiftEnd() != null && officer.shiftEnd().isBefore(jobDone)) {
            parts.add(new ScorePart("shift end", rules.shiftEndPenalty().toSeconds()));
            reasons.add("shift ends " + CLOCK.format(officer.shiftEnd()) + ", before arrival plus "
                    + minutes(incident.expectedServiceTime(rules.defaultServiceTime()).toSeconds()) + " on scene");
        }
        if (stale) {
            parts.add(new ScorePart("stale position", rules.stalePenalty().toSeconds()));
            reasons.add("position " + minutes(ageSeconds) + " old (stale), ETA less certain");
        }
        if (prospect.isDiversion()) {
            parts.add(new ScorePart("diversion", rules.diversionPenalty().toSeconds()));
            reasons.add("diversion: would leave incident " + prospect.divertedFromIncidentId()
                    + " (grade " + prospect.divertedFromGrade() + "), which returns to the queue");
        }
        return new RankedUnit(prospect, mode, eta, route.meters(), meetsTarget, stale, ageSeconds, parts, reasons);
    }

    private void crewPreference(Incident incident, Officer officer, List<ScorePart> parts, List<String> reasons) {
        double bonus = -rules.crewPreference().toSeconds();
        if (incident.grade() == 1 && officer.isDoubleCrewed()) {
            parts.add(new ScorePart("double-crew preference", bonus));
            reasons.add("double crew, preferred for grade 1");
        } else if (incident.grade() != 1 && !officer.isDoubleCrewed()) {
            parts.add(new ScorePart("single-crew preference", bonus));
            reasons.add("single crew, preferred for grade " + incident.grade());
        }
    }

    private String coverage(CoverageImpact impact, List<ScorePart> parts) {
        if (impact == null) {
            parts.add(new ScorePart("coverage cost", 0));
            return "coverage impact unknown";
        }
        if (!impact.leavesAreaUncovered()) {
            parts.add(new ScorePart("coverage cost", 0));
            return "leaves no area uncovered";
        }
        double cost = impact.soleCoverDemandPerHour() * rules.coverageCostPerDemandPerHour().toSeconds();
        parts.add(new ScorePart("coverage cost", cost));
        return String.format(Locale.ROOT, "would leave %d cell%s uncovered (%.2f incidents/h)",
                impact.soleCoverCells(), impact.soleCoverCells() == 1 ? "" : "s", impact.soleCoverDemandPerHour());
    }

    static String minutes(double seconds) {
        if (seconds < 60) {
            return Math.round(seconds) + " s";
        }
        return Math.round(seconds / 60) + " min";
    }

    private static String kilometres(double meters) {
        return String.format(Locale.ROOT, "%.1f km", meters / 1000);
    }
}
