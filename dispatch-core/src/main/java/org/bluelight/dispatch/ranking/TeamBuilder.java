package org.bluelight.dispatch.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bluelight.dispatch.incident.Incident;

/**
 * Turns scored units into candidates that meet the incident's needs: a unit alone when it
 * carries enough officers (and a double crew when one is required), otherwise a team led by
 * that unit and completed by the best-scoring other units.
 */
public final class TeamBuilder {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .thenComparingDouble(Candidate::etaSeconds)
            .thenComparing(c -> c.officerIds().get(0));

    private final int maxCandidates;

    public TeamBuilder(int maxCandidates) {
        this.maxCandidates = maxCandidates;
    }

    public List<Candidate> candidates(Incident incident, List<RankedUnit> units) {
        List<RankedUnit> byScore = new ArrayList<>(units);
        byScore.sort(Comparator.comparingDouble(RankedUnit::score).thenComparing(RankedUnit::officerId));
        List<Candidate> candidates = new ArrayList<>();
        Set<Set<String>> seen = new HashSet<>();
        for (RankedUnit lead : byScore) {
            List<RankedUnit> team = new ArrayList<>(List.of(lead));
            for (RankedUnit other : byScore) {
                if (satisfies(incident, team)) {
                    break;
                }
                if (other != lead) {
                    team.add(other);
                }
            }
            if (satisfies(incident, team) && seen.add(new TreeSet<>(team.stream().map(RankedUnit::officerId).toList()))) {
                candidates.add(new Candidate(team));
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates.subList(0, Math.min(maxCandidates, candidates.size()));
    }

    static boolean satisfies(Incident incident, List<RankedUnit> team) {
        int officers = team.stream().mapToInt(u -> u.prospect().officer().crewSize()).sum();
        boolean hasDoubleCrew = team.stream().anyMatch(u -> u.prospect().officer().isDoubleCrewed());
        return officers >= incident.officersNeeded() && (!incident.doubleCrewRequired() || hasDoubleCrew);
    }
}
