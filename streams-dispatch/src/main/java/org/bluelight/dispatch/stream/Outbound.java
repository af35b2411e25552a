package org.bluelight.dispatch.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.DeskOutput;
import org.bluelight.dispatch.ranking.Candidate;
import org.bluelight.dispatch.ranking.RankedUnit;
import org.bluelight.schemas.BacklogEntry;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.ScoreComponent;

/** Turns the desk's outputs into contract records. */
final class Outbound {

    private Outbound() {
    }

    static Recommendation recommendation(org.bluelight.dispatch.recommend.Recommendation r) {
        List<org.bluelight.schemas.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < r.candidates().size(); i++) {
            candidates.add(candidate(i + 1, r.candidates().get(i)));
        }
        return Recommendation.newBuilder()
                .setRecommendationId(r.recommendationId())
                .setIncidentId(r.incidentId())
                .setRevision(r.revision())
                .setGrade(r.grade())
                .setDispatchGroup(r.dispatchGroup())
                .setCreatedAt(r.createdAt())
                .setTrigger(r.trigger())
                .setStatus(r.status())
                .setTargetSeconds(seconds(r.targetSeconds()))
                .setTargetAt(r.targetAt())
                .setNoCandidateReason(r.noCandidateReason())
                .setCandidates(candidates)
                .build();
    }

    private static org.bluelight.schemas.Candidate candidate(int rank, Candidate c) {
        RankedUnit slowest = c.slowest();
        return org.bluelight.schemas.Candidate.newBuilder()
                .setRank(rank)
                .setOfficerIds(c.officerIds())
                .setCallSigns(c.units().stream().map(u -> u.prospect().officer().label()).toList())
                .setEtaSeconds(seconds(Math.round(c.etaSeconds())))
                .setRoadDistanceMeters(slowest.roadMeters())
                .setStraightLineMeters(slowest.prospect().straightLineMeters())
                .setMeetsTarget(c.meetsTarget())
                .setCrewSize(c.crewSize())
                .setDrivingStandard(slowest.prospect().officer().drivingStandard())
                .setTransport(slowest.mode().transport())
                .setEmergencyDriving(slowest.mode().emergency())
                .setAvailableFrom(c.units().stream().map(u -> u.prospect().availableFrom()).filter(Objects::nonNull)
                        .max(Comparator.naturalOrder()).orElse(null))
                .setDivertedFromIncidentId(c.units().stream().map(u -> u.prospect().divertedFromIncidentId())
                        .filter(Objects::nonNull).findFirst().orElse(null))
                .setPositionStale(c.units().stream().anyMatch(RankedUnit::positionStale))
                .setPositionAgeSeconds(seconds(c.units().stream().mapToLong(RankedUnit::positionAgeSeconds).max().orElse(0)))
                .setScore(c.score())
                .setScoreBreakdown(c.breakdown().stream()
                        .map(p -> new ScoreComponent(p.name(), p.seconds())).toList())
                .setReasons(c.reasons())
                .build();
    }

    /** A count of seconds as the contract's int: never negative, and saturated rather than wrapped. */
    static int seconds(long seconds) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
    }

    static BacklogSnapshot backlog(DeskOutput.BacklogChanged change) {
        List<BacklogEntry> entries = new ArrayList<>();
        int position = 1;
        for (WaitingIncident waiting : change.entries()) {
            entries.add(entry(position++, waiting, change.at()));
        }
        return new BacklogSnapshot(change.dispatchGroup(), change.at(), entries);
    }

    private static BacklogEntry entry(int position, WaitingIncident waiting, Instant now) {
        return BacklogEntry.newBuilder()
                .setPosition(position)
                .setIncidentId(waiting.incidentId())
                .setGrade(waiting.incident().grade())
                .setReportedAt(waiting.incident().reportedAt())
                .setQueuedAt(waiting.queuedAt())
                .setTargetAt(waiting.targetAt())
                .setExpectedServiceMinutes(waiting.incident().expectedServiceMinutes())
                .setBreached(waiting.breached(now))
                .setReason(waiting.reason())
                .build();
    }
}
