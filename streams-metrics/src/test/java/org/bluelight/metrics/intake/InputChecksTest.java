package org.bluelight.metrics.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;

class InputChecksTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    static IncidentEvent incident(int grade, GeoPoint location) {
        return IncidentEvent.newBuilder().setIncidentId("I1").setEventType(IncidentEventType.REPORTED).setOccurredAt(T)
                .setReportedAt(T).setGrade(grade).setCategory(IncidentCategory.THEFT).setLocation(location).build();
    }

    private static String reason(Result<?> result) {
        return result instanceof Result.Invalid<?> invalid ? invalid.reason() : "valid";
    }

    @Test
    void incidentsNeedAKnownGradeAndAPositionOnEarth() {
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(51.75, -1.25))))).isEqualTo("valid");
        assertThat(reason(InputChecks.incident(incident(4, null)))).isEqualTo("valid");
        assertThat(reason(InputChecks.incident(incident(0, null)))).isEqualTo(InputChecks.UNKNOWN_GRADE);
        assertThat(reason(InputChecks.incident(incident(5, null)))).isEqualTo(InputChecks.UNKNOWN_GRADE);
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(91.0, 0.0))))).isEqualTo(InputChecks.INVALID_POSITION);
        assertThat(reason(InputChecks.incident(incident(1, new GeoPoint(51.0, Double.NaN))))).isEqualTo(InputChecks.INVALID_POSITION);
    }

    @Test
    void fixesAndStatusesNeedAPositionOnEarthAndStatusesADispatchGroup() {
        assertThat(reason(InputChecks.fix(new PositionFix("O1", T, new GeoPoint(51.0, -181.0), null, null, null))))
                .isEqualTo(InputChecks.INVALID_POSITION);
        assertThat(reason(InputChecks.fix(new PositionFix("O1", T, new GeoPoint(51.0, -1.0), null, null, null)))).isEqualTo("valid");
        OfficerStatus.Builder status = OfficerStatus.newBuilder().setOfficerId("O1").setCallSign("LR1")
                .setState(OfficerState.AVAILABLE).setChangedAt(T).setDispatchGroup("RAD1");
        assertThat(reason(InputChecks.status(status.build()))).isEqualTo("valid");
        assertThat(reason(InputChecks.status(status.setDispatchGroup(" ").build()))).isEqualTo(InputChecks.MISSING_DISPATCH_GROUP);
        assertThat(reason(InputChecks.status(status.setDispatchGroup("RAD1").setPosition(new GeoPoint(-95.0, 0.0)).build())))
                .isEqualTo(InputChecks.INVALID_POSITION);
    }

    @Test
    void hotSpotsNeedPolygonGeometry() {
        HotSpot.Builder hotSpot = HotSpot.newBuilder().setHotSpotId("HS1").setName("x").setTrialId("T");
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.26,51.75],[-1.25,51.75],[-1.25,51.76],[-1.26,51.75]]]}";
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", square))).build()))).isEqualTo("valid");
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", "{\"type\":\"Point\"}"))).build())))
                .isEqualTo(InputChecks.BAD_GEOMETRY);
        assertThat(reason(InputChecks.hotSpot(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", "not json"))).build())))
                .isEqualTo(InputChecks.BAD_GEOMETRY);
    }

    @Test
    void custodyReleasedBeforeArrivalIsKeptForTheMethodToCountAsZeroHours() {
        assertThat(reason(InputChecks.custody(new CustodyRecord("C1", "P1", T, T.minusSeconds(1), false, null)))).isEqualTo("valid");
        assertThat(reason(InputChecks.custody(new CustodyRecord("C1", "P1", T, T.plusSeconds(1), false, null)))).isEqualTo("valid");
    }

    static final InputChecks CHECKS = new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults());

    static OfficerStatus statusAt(Instant changedAt) {
        return OfficerStatus.newBuilder().setOfficerId("O1").setCallSign("LR1").setState(OfficerState.AVAILABLE)
                .setChangedAt(changedAt).setDispatchGroup("RAD1").build();
    }

    @Test
    void timesFarFromTheRecordTimeAreRefusedWhateverTheWallClock() {
        for (String hostile : List.of("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            assertThat(reason(CHECKS.status(statusAt(Instant.parse(hostile)), T))).as(hostile).isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        }
        assertThat(reason(CHECKS.status(statusAt(T.minus(Duration.ofDays(7))), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.status(statusAt(T.minus(Duration.ofDays(8))), T))).isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        assertThat(reason(CHECKS.status(statusAt(T.plus(Duration.ofDays(1))), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.status(statusAt(T.plus(Duration.ofDays(2))), T))).isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        // A replay of old records: each is judged by its own timestamp.
        Instant lastYear = T.minus(Duration.ofDays(365));
        assertThat(reason(CHECKS.status(statusAt(lastYear), lastYear))).isEqualTo("valid");
        assertThat(reason(CHECKS.fix(new PositionFix("O1", Instant.EPOCH, new GeoPoint(51.0, -1.0), null, null, null), T)))
                .isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        // An incident sent again months after it was reported is fine; one reported in 1970 is not.
        assertThat(reason(CHECKS.incident(incident(1, null), T.plus(Duration.ofDays(90))))).isEqualTo("valid");
        assertThat(reason(CHECKS.incident(IncidentEvent.newBuilder(incident(1, null)).setReportedAt(Instant.EPOCH).build(), T)))
                .isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        assertThat(reason(CHECKS.custody(new CustodyRecord("C1", "P1", T, T.plus(Duration.ofDays(3)), false, null), T)))
                .as("released three days after the record").isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
    }

    @Test
    void aTrialAllocationMayBePublishedAYearAheadOrForAPastTrialButNotForYear9999() {
        LocalDate today = LocalDate.parse("2024-05-01");
        for (LocalDate day : List.of(today, today.plusDays(365), today.minusYears(3), LocalDate.parse("0001-01-01"))) {
            assertThat(reason(CHECKS.allocation(new TrialAllocation("T", day, "H1", TrialArm.TREATMENT, null), T))).as(day.toString())
                    .isEqualTo("valid");
        }
        for (String hostile : List.of("9999-12-31", "2025-05-03")) {
            assertThat(reason(CHECKS.allocation(new TrialAllocation("T", LocalDate.parse(hostile), "H1", TrialArm.TREATMENT, null), T)))
                    .as(hostile).isEqualTo(InputChecks.TIME_OUT_OF_WINDOW);
        }
    }

    @Test
    void idsMustBeShortAndPrintable() {
        String huge = "x".repeat(100_000);
        OfficerStatus.Builder status = OfficerStatus.newBuilder(statusAt(T));
        assertThat(reason(CHECKS.status(status.setOfficerId("x".repeat(128)).build(), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.status(status.setOfficerId("x".repeat(129)).build(), T))).isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.status(status.setOfficerId("O1").setDispatchGroup(huge).build(), T))).isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.status(status.setDispatchGroup("RAD\u00001").build(), T))).isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.status(status.setDispatchGroup("RAD1").setIncidentId("I\n1").build(), T))).isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.status(status.setIncidentId("I\u200b1").build(), T))).as("zero-width space").isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.status(status.setIncidentId("Ærø-1 é").build(), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.incident(IncidentEvent.newBuilder(incident(1, null)).setSubjectPersonIds(List.of("P1", huge)).build(), T)))
                .isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.custody(new CustodyRecord("C1", huge, T, null, false, null), T))).isEqualTo(InputChecks.INVALID_ID);
        assertThat(reason(CHECKS.crime(CrimeRecord.newBuilder().setCrimeId(huge).setCommittedAt(T).setRecordedAt(T)
                .setCategory(IncidentCategory.THEFT).build(), T))).isEqualTo(InputChecks.INVALID_ID);
        Result<?> refused = CHECKS.custody(new CustodyRecord("C1", huge, T, null, false, null), T);
        assertThat(((Result.Invalid<?>) refused).detail()).as("quotes only the start of the id").hasSizeLessThan(200);
    }

    @Test
    void anAssignmentNamesAtMostFiftyOfficers() {
        Assignment.Builder assignment = Assignment.newBuilder().setIncidentId("I1").setAction(AssignmentAction.ASSIGNED).setDecidedAt(T);
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "O" + i).toList();
        assertThat(reason(CHECKS.assignment(assignment.setOfficerIds(fifty).build(), T))).isEqualTo("valid");
        List<String> many = new ArrayList<>(IntStream.range(0, 3_000).mapToObj(i -> "O" + i).toList());
        assertThat(reason(CHECKS.assignment(assignment.setOfficerIds(many).build(), T))).isEqualTo(InputChecks.TEAM_TOO_LARGE);
    }

    @Test
    void aCrimeNamingThousandsOfPeopleIsRefusedBeforeItsIdsAreRead() {
        java.util.List<org.bluelight.schemas.CrimePerson> crowd = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            crowd.add(new org.bluelight.schemas.CrimePerson("P" + i, org.bluelight.schemas.CrimeRole.VICTIM, null));
        }
        CrimeRecord.Builder crime = CrimeRecord.newBuilder().setCrimeId("C1").setCommittedAt(T).setRecordedAt(T)
                .setCategory(IncidentCategory.THEFT);
        assertThat(reason(CHECKS.crime(crime.setPeople(crowd.subList(0, 200)).build(), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.crime(crime.setPeople(crowd).build(), T))).isEqualTo(InputLimits.TOO_MANY_PEOPLE);
    }

    @Test
    void crimesCommittedAfterTheyWereRecordedAreRefused() {
        CrimeRecord.Builder crime = CrimeRecord.newBuilder().setCrimeId("C1").setCommittedAt(T).setRecordedAt(T.plusSeconds(60))
                .setCategory(IncidentCategory.THEFT);
        assertThat(reason(CHECKS.crime(crime.build(), T))).isEqualTo("valid");
        assertThat(reason(CHECKS.crime(crime.setCommittedAt(T.plusSeconds(120)).build(), T))).isEqualTo(InputChecks.COMMITTED_AFTER_RECORDED);
    }

    @Test
    void patrolAreasAreStreetScale() {
        HotSpot.Builder hotSpot = HotSpot.newBuilder().setHotSpotId("HS1").setName("x").setTrialId("T");
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.26,51.75],[-1.25,51.75],[-1.25,51.76],[-1.26,51.75]]]}";
        String world = "{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}";
        String county = "{\"type\":\"Polygon\",\"coordinates\":[[[-1.6,51.4],[-0.6,51.4],[-0.6,51.9],[-1.6,51.9],[-1.6,51.4]]]}";
        StringBuilder jagged = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < 1_500; i++) {
            double angle = 2 * Math.PI * i / 1_500;
            jagged.append(i == 0 ? "" : ",").append('[').append(-1.255 + 0.001 * Math.cos(angle)).append(',')
                    .append(51.755 + 0.001 * Math.sin(angle)).append(']');
        }
        jagged.append("]]}");
        assertThat(reason(CHECKS.hotSpotWithinLimits(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", square))).build())))
                .isEqualTo("valid");
        for (String tooLarge : List.of(world, county, jagged.toString())) {
            assertThat(reason(CHECKS.hotSpotWithinLimits(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", tooLarge))).build())))
                    .isEqualTo(InputChecks.AREA_TOO_LARGE);
        }
        assertThat(reason(CHECKS.hotSpotWithinLimits(hotSpot.setPatrolAreas(List.of(new PatrolArea("P1", "{}"))).build())))
                .isEqualTo(InputChecks.BAD_GEOMETRY);
    }
}
