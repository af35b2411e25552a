package org.bluelight.dispatch.ranking;

import java.util.List;
import org.bluelight.dispatch.candidate.Prospect;
import org.bluelight.dispatch.travel.TravelMode;

/**
 * One routed unit with its score for one incident.
 *
 * @param etaSeconds time until arrival counted from now: waiting until free, then road travel
 * @param positionAgeSeconds age of the position the route started from
 */
public record RankedUnit(
        Prospect prospect,
        TravelMode mode,
        double etaSeconds,
        double roadMeters,
        boolean meetsTarget,
        boolean positionStale,
        long positionAgeSeconds,
        List<ScorePart> parts,
        List<String> reasons) {

    public RankedUnit {
        parts = List.copyOf(parts);
        reasons = List.copyOf(reasons);
    }

    public double score() {
        return parts.stream().mapToDouble(ScorePart::seconds).sum();
    }

    public String officerId() {
        return prospect.officer().id();
    }
}
