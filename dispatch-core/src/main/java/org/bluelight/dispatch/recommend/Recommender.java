package org.bluelight.dispatch.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.CandidateFilter;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.candidate.Prospect;
import org.bluelight.dispatch.candidate.Shortlist;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.ranking.Candidate;
import org.bluelight.dispatch.ranking.RankedUnit;
import org.bluelight.dispatch.ranking.Ranker;
import org.bluelight.dispatch.ranking.TeamBuilder;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.TravelMode;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;

/**
 * Recommends units for one incident: pre-filter, n nearest by straight line, road ETAs (each unit
 * with its own travel mode), scoring, teams. Plain Java, so the streams app and the simulator run
 * the very same rules.
 */
public final class Recommender {

    private final DispatchRules rules;
    private final CandidateFilter filter;
    private final Ranker ranker;
    private final TeamBuilder teams;
    private final TravelTimes travelTimes;

    public Recommender(DispatchRules rules, TravelTimes travelTimes) {
        this.rules = rules;
        this.filter = new CandidateFilter(rules);
        this.ranker = new Ranker(rules);
        this.teams = new TeamBuilder(rules.maxCandidates());
        this.travelTimes = travelTimes;
    }

    public DispatchRules rules() {
        return rules;
    }

    public Outcome recommend(Incident incident, Iterable<Officer> officers, Instant now, IncidentGrades grades) {
        if (!rules.knowsGrade(incident.grade())) {
            return new Outcome(now, incident.reportedAt(), List.of(), "unknown grade " + incident.grade(), Double.MAX_VALUE);
        }
        Instant targetAt = incident.reportedAt().plus(rules.target(incident.grade()));
        Shortlist shortlist = filter.shortlist(incident, officers, now, grades);
        if (shortlist.prospects().isEmpty()) {
            return new Outcome(now, targetAt, List.of(), shortlist.emptyReason(), Double.MAX_VALUE);
        }
        double radius = shortlist.prospects().size() < rules.nearestCount() ? Double.MAX_VALUE
                : shortlist.prospects().get(shortlist.prospects().size() - 1).straightLineMeters();
        Map<String, TravelTime> times = route(incident, shortlist.prospects(), now);
        List<RankedUnit> ranked = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        int freeTooLate = 0;
        for (Prospect prospect : shortlist.prospects()) {
            TravelTime time = times.get(prospect.officer().id());
            if (time instanceof TravelTime.Reached reached) {
                RankedUnit unit = ranker.rank(incident, prospect, mode(incident, prospect.officer()), reached, now);
                if (prospect.availableFrom() != null && !unit.meetsTarget()) {
                    freeTooLate++; // only free in time counts for a unit that is busy now
                } else {
                    ranked.add(unit);
                }
            } else {
                unreachable.add(prospect.officer().label() + ": "
                        + (time instanceof TravelTime.Unreachable u ? u.reason() : "no travel time returned"));
            }
        }
        if (ranked.isEmpty()) {
            return new Outcome(now, targetAt, List.of(), noneRouted(shortlist.prospects().size(), unreachable, freeTooLate),
                    radius);
        }
        List<Candidate> candidates = teams.candidates(incident, ranked);
        if (candidates.isEmpty()) {
            int officersAtHand = ranked.stream().mapToInt(u -> u.prospect().officer().crewSize()).sum();
            return new Outcome(now, targetAt, List.of(), "needs " + incident.officersNeeded() + " officers"
                    + (incident.doubleCrewRequired() ? " including a double crew" : "")
                    + " but the nearest suitable units carry " + officersAtHand, radius);
        }
        return new Outcome(now, targetAt, candidates, null, radius);
    }

    private TravelMode mode(Incident incident, Officer officer) {
        return TravelMode.forResponse(officer.transport(), officer.drivingStandard(), incident.grade());
    }

    /** Units busy until later depart later; the network's traffic depends on the departure time. */
    private Map<String, TravelTime> route(Incident incident, List<Prospect> prospects, Instant now) {
        Map<Instant, List<Journey>> byDeparture = new LinkedHashMap<>();
        for (Prospect prospect : prospects) {
            Instant departure = prospect.availableFrom() == null || prospect.availableFrom().isBefore(now)
                    ? now : prospect.availableFrom();
            Officer officer = prospect.officer();
            byDeparture.computeIfAbsent(departure, d -> new ArrayList<>())
                    .add(new Journey(officer.id(), officer.position(), mode(incident, officer)));
        }
        Map<String, TravelTime> times = new LinkedHashMap<>();
        byDeparture.forEach((departure, journeys) ->
                times.putAll(travelTimes.toTarget(incident.location(), journeys, departure)));
        return times;
    }

    private static String noneRouted(int routed, List<String> unreachable, int freeTooLate) {
        StringBuilder reason = new StringBuilder("none of the " + routed + " nearest suitable officers can attend");
        if (freeTooLate > 0) {
            reason.append("; ").append(freeTooLate).append(" would be free too late to meet the target");
        }
        if (!unreachable.isEmpty()) {
            reason.append("; no road route for ").append(String.join(", ", unreachable));
        }
        return reason.toString();
    }
}
