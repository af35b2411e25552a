package org.bluelight.dispatch.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One unit, or a team of units when the incident needs more officers than one unit carries.
 * The team arrives when its slowest unit does; its score is that ETA plus every member's
 * adjustments.
 */
public record Candidate(List<RankedUnit> units) {

    public Candidate {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one unit");
        }
        units = List.copyOf(units);
    }

    /** The unit that arrives last; the team's ETA and distances are its. */
    public RankedUnit slowest() {
        return units.stream().max(Comparator.comparingDouble(RankedUnit::etaSeconds)).orElseThrow();
    }

    public double etaSeconds() {
        return slowest().etaSeconds();
    }

    public boolean meetsTarget() {
        return units.stream().allMatch(RankedUnit::meetsTarget);
    }

    public int crewSize() {
        return units.stream().mapToInt(u -> u.prospect().officer().crewSize()).sum();
    }

    public List<String> officerIds() {
        return units.stream().map(RankedUnit::officerId).toList();
    }

    public List<ScorePart> breakdown() {
        List<ScorePart> parts = new ArrayList<>();
        parts.add(new ScorePart("eta", etaSeconds()));
        for (RankedUnit unit : units) {
            String prefix = units.size() > 1 ? unit.prospect().officer().label() + " " : "";
            unit.parts().stream()
                    .filter(part -> !part.name().equals("eta"))
                    .forEach(part -> parts.add(new ScorePart(prefix + part.name(), part.seconds())));
        }
        return parts;
    }

    public double score() {
        return breakdown().stream().mapToDouble(ScorePart::seconds).sum();
    }

    public List<String> reasons() {
        if (units.size() == 1) {
            return units.get(0).reasons();
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("team of " + units.size() + " units, " + crewSize() + " officers");
        for (RankedUnit unit : units) {
            unit.reasons().forEach(reason -> reasons.add(unit.prospect().officer().label() + ": " + reason));
        }
        return reasons;
    }
}
