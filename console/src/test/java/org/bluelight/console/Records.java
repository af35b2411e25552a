package org.bluelight.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.bluelight.schemas.ScoreComponent;
import org.bluelight.schemas.Transport;

/** Contract records as CAD and the dispatch app write them, for tests of the console without Kafka. */
public final class Records {

    public static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private Records() {
    }

    public static IncidentEvent incident(String id, int grade, IncidentEventType type) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(type).setOccurredAt(T0).setReportedAt(T0)
                .setGrade(grade).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY).setDispatchGroup("NORTH")
                .setLocation(new GeoPoint(42.51, 1.537)).build();
    }

    public static OfficerStatus unit(String id, String callSign) {
        return OfficerStatus.newBuilder().setOfficerId(id).setCallSign(callSign).setState(OfficerState.AVAILABLE)
                .setChangedAt(T0).setDispatchGroup("NORTH").setShiftEnd(T0.plus(Duration.ofHours(8))).build();
    }

    /** A recommendation ranking {@code officerIds} in order. */
    public static Recommendation recommendation(String incidentId, int revision, String... officerIds) {
        List<Candidate> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < officerIds.length; i++) {
            candidates.add(Candidate.newBuilder().setRank(i + 1).setOfficerIds(List.of(officerIds[i]))
                    .setCallSigns(List.of("CS-" + officerIds[i])).setEtaSeconds(300 + 60 * i).setRoadDistanceMeters(3000)
                    .setStraightLineMeters(2000).setMeetsTarget(true).setCrewSize(1).setDrivingStandard(DrivingStandard.ADVANCED)
                    .setTransport(Transport.CAR).setEmergencyDriving(true).setScore(300 + 60 * i)
                    .setScoreBreakdown(List.of(new ScoreComponent("eta", 300.0 + 60 * i)))
                    .setReasons(List.of("ETA " + (5 + i) + " min")).build());
        }
        return Recommendation.newBuilder().setRecommendationId(incidentId + "-r" + revision).setIncidentId(incidentId)
                .setRevision(revision).setGrade(1).setDispatchGroup("NORTH").setCreatedAt(T0)
                .setTrigger(RecommendationTrigger.REPORTED).setStatus(RecommendationStatus.ACTIVE).setTargetSeconds(900)
                .setTargetAt(T0.plusSeconds(900)).setCandidates(candidates).build();
    }
}
