package org.bluelight.dispatch.candidate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.schemas.OfficerState;

/**
 * The pre-filter of the Leicestershire tool: which units may be considered for an incident, then
 * the n nearest of those by straight line (only those are routed by road).
 *
 * <p>Grade 1: available units, plus crews en route to a lower-grade (2+) incident as diversion
 * candidates. Grade 2 and below: available units, plus units whose break or prisoner processing
 * is predicted to end before the target runs out. Units are never shared between dispatch groups.
 */
public final class CandidateFilter {

    private final DispatchRules rules;

    public CandidateFilter(DispatchRules rules) {
        this.rules = rules;
    }

    public Shortlist shortlist(Incident incident, Iterable<Officer> officers, Instant now, IncidentGrades grades) {
        if (incident.location() == null) {
            return new Shortlist(List.of(), "incident has no location yet");
        }
        Instant targetAt = incident.reportedAt().plus(rules.target(incident.grade()));
        List<Prospect> eligible = new ArrayList<>();
        int inGroup = 0;
        int eligibleWithoutPosition = 0;
        for (Officer officer : officers) {
            if (!officer.dispatchGroup().equals(incident.dispatchGroup())) {
                continue;
            }
            inGroup++;
            Prospect prospect = prospect(incident, officer, targetAt, grades);
            if (prospect == null) {
                continue;
            }
            if (officer.position() == null) {
                eligibleWithoutPosition++;
                continue;
            }
            eligible.add(prospect);
        }
        if (eligible.isEmpty()) {
            return new Shortlist(List.of(), emptyReason(incident, inGroup, eligibleWithoutPosition));
        }
        eligible.sort(Comparator.comparingDouble(Prospect::straightLineMeters)
                .thenComparing(p -> p.officer().id()));
        return new Shortlist(eligible.subList(0, Math.min(rules.nearestCount(), eligible.size())), null);
    }

    private Prospect prospect(Incident incident, Officer officer, Instant targetAt, IncidentGrades grades) {
        double meters = officer.position() == null ? Double.NaN : officer.position().metersTo(incident.location());
        if (officer.isAvailable()) {
            return new Prospect(officer, meters, null, null, null);
        }
        if (incident.grade() == 1) {
            if (officer.state() == OfficerState.EN_ROUTE && officer.incidentId() != null
                    && !officer.incidentId().equals(incident.id())) {
                OptionalInt leaving = grades.gradeOf(officer.incidentId());
                if (leaving.isPresent() && leaving.getAsInt() > 1) {
                    return new Prospect(officer, meters, null, officer.incidentId(), leaving.getAsInt());
                }
            }
            return null;
        }
        if (officer.hasPredictableEnd() && !officer.predictedFreeAt().isAfter(targetAt)) {
            return new Prospect(officer, meters, officer.predictedFreeAt(), null, null);
        }
        return null;
    }

    private static String emptyReason(Incident incident, int inGroup, int withoutPosition) {
        String group = "dispatch group " + incident.dispatchGroup();
        if (inGroup == 0) {
            return "no officer on record in " + group;
        }
        if (withoutPosition > 0) {
            return "no suitable officer in " + group + " has a known position (" + withoutPosition + " without one)";
        }
        return incident.grade() == 1
                ? "no available officer in " + group + " and no crew on a lower-grade incident to divert"
                : "no officer in " + group + " available or free before the target";
    }
}
