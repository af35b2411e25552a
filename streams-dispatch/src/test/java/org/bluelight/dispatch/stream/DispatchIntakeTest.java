package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluelight.dispatch.stream.DispatchDriver.incident;
import static org.bluelight.dispatch.stream.DispatchDriver.unit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.dispatch.fixtures.TableTravelTimes;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.dispatch.app.TaskingLimits;
import org.bluelight.dispatch.app.TaskingSettings;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.BacklogEntry;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;
import org.bluelight.testkit.PlainAvroSerdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and early input at dispatch's edge: values beyond the
 * input limits are dead-lettered with a reason, implausible estimates are dropped and counted,
 * outputs never carry impossible values, and fixes or coverage impacts read before the officer's
 * first status are kept for it (within bounds) instead of being dead-lettered.
 */
class DispatchIntakeTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    static final GeoPoint SCENE = new GeoPoint(52.6369, -1.1398);
    static final GeoPoint NEARBY = new GeoPoint(52.6400, -1.1398);

    @TempDir
    Path stateDir;
    final AppSerdes serdes = new AppSerdes(PlainAvroSerdes.INSTANCE);
    DispatchDriver d;

    DispatchDriver start(EarlyHold early) {
        d = new DispatchDriver(serdes, DispatchRules.defaults(), InputLimits.defaults(), early, new TableTravelTimes(10), stateDir);
        return d;
    }

    DispatchDriver start() {
        return start(EarlyHold.defaults());
    }

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    @Test
    void trialAllocationsForADayYearsAwayOrForAnotherDayThanTheirKeyAreDeadLetteredWithTheirReason() {
        start();
        var allocations = allocations();
        var refused = d.deadLetters(Topic.TRIAL_ALLOCATIONS);

        LocalDate farAway = LocalDate.parse("9999-12-31");
        allocations.pipeInput(new TrialAllocationKey(farAway, "H1"), new TrialAllocation("T", farAway, "H1", TrialArm.TREATMENT, null), T0);
        LocalDate day = LocalDate.parse("2025-03-04");
        allocations.pipeInput(new TrialAllocationKey(day, "H1"), new TrialAllocation("T", day.plusDays(1), "H1", TrialArm.TREATMENT, null), T0);
        allocations.pipeInput(new TrialAllocationKey(day, "H1"), new TrialAllocation("T", day, "H1", TrialArm.TREATMENT, null), T0);

        assertThat(refused.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly(InputLimits.TIME_OUT_OF_WINDOW, Inbound.KEY_MISMATCH);
        assertThat(arms()).containsExactly(day.toEpochDay() + ":H1");
    }

    @Test
    void aTaskingDeskFullOfTrialArmsRefusesAnotherAndForgetsEveryDayBeforeTodayAtItsNextPlan() {
        d = new DispatchDriver(serdes, DispatchRules.defaults(), InputLimits.defaults(), EarlyHold.defaults(), new TableTravelTimes(10),
                TaskingSettings.defaults().withLimits(new TaskingLimits(10, 10, 2)), stateDir);
        var allocations = allocations();
        var refused = d.fallbackDeadLetters();
        LocalDate day = LocalDate.parse("2025-03-03");
        for (int i = 0; i < 3; i++) {
            allocations.pipeInput(new TrialAllocationKey(day.plusDays(i), "H1"),
                    new TrialAllocation("T", day.plusDays(i), "H1", TrialArm.CONTROL, null), T0);
        }
        assertThat(refused.readRecordsToList()).extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
                .containsExactly("The tasking desk already holds 2 trial arms (tasking.max.trial.arms)");
        assertThat(arms()).hasSize(2);

        // The driver's wall clock is today's: the next plan forgets 2025's days, which frees the desk.
        d.driver.advanceWallClockTime(TaskingSettings.defaults().interval());
        assertThat(arms()).isEmpty();
        Instant now = Instant.now();
        LocalDate tomorrow = LocalDate.now(TaskingSettings.defaults().zone()).plusDays(1);
        for (String hotSpot : List.of("H1", "H2")) {
            allocations.pipeInput(new TrialAllocationKey(tomorrow, hotSpot),
                    new TrialAllocation("T", tomorrow, hotSpot, TrialArm.TREATMENT, null), now);
        }
        assertThat(refused.readRecordsToList()).isEmpty();
        assertThat(arms()).containsExactly(tomorrow.toEpochDay() + ":H1", tomorrow.toEpochDay() + ":H2");
    }

    private TestInputTopic<TrialAllocationKey, TrialAllocation> allocations() {
        return d.driver.createInputTopic(Topic.TRIAL_ALLOCATIONS.topicName(), serdes.keySerde(Topic.TRIAL_ALLOCATIONS).serializer(),
                serdes.valueSerde(Topic.TRIAL_ALLOCATIONS).serializer());
    }

    private List<String> arms() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = d.driver.<String, String>getKeyValueStore(TaskingTopology.ARMS_STORE).all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    @Test
    void aTaskingDeskFullOfOfficersRefusesANewOneAsADeadLetterAndStillTakesThoseItHolds() {
        d = new DispatchDriver(serdes, DispatchRules.defaults(), InputLimits.defaults(), EarlyHold.defaults(), new TableTravelTimes(10),
                TaskingSettings.defaults().withLimits(new TaskingLimits(2, 1, 10)), stateDir);
        var refused = d.fallbackDeadLetters();

        d.send(unit("U1", OfficerState.AVAILABLE, T0));
        d.send(unit("U2", OfficerState.AVAILABLE, T0.plusSeconds(1)));
        d.send(unit("U3", OfficerState.AVAILABLE, T0.plusSeconds(2)));
        d.send(unit("U1", OfficerState.ON_SCENE, T0.plusSeconds(3)));
        d.send(unit("U2", OfficerState.OFF_DUTY, T0.plusSeconds(4)));

        List<TestRecord<byte[], byte[]>> letters = refused.readRecordsToList();
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly(TaskingLimits.TASKING_FULL);
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.MESSAGE))
                .containsExactly("The tasking desk already holds 2 officers (tasking.max.officers)");
    }

        @Test
    void statusAndFixTimesFarFromTheRecordsTimestampAreDeadLetteredAndTheNextGoodRecordsCount() {
        start();
        var statusDlq = d.deadLetters(Topic.OFFICER_STATUS);
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        var incidentsDlq = d.deadLetters(Topic.INCIDENTS);
        var assignmentsDlq = d.deadLetters(Topic.ASSIGNMENTS);

        d.status.pipeInput("U9", unit("U9", OfficerState.AVAILABLE, Instant.parse("9999-12-31T00:00:00Z")).build(), T0);
        d.status.pipeInput("U1", unit("U1", OfficerState.AVAILABLE, Instant.parse("0001-01-01T00:00:00Z")).build(), T0);
        d.status.pipeInput("U2", unit("U2", OfficerState.AVAILABLE, T0).setShiftEnd(Instant.parse("9999-01-01T00:00:00Z")).build(), T0);
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setPosition(NEARBY));
        // A fix dated 9999 on a record stamped 1970, as a hostile feed sent.
        d.telematics.pipeInput("U1", fix("U1", Instant.parse("9999-01-01T00:00:00Z"), SCENE), Instant.EPOCH);
        d.incidents.pipeInput("OLD", incident("OLD", 1, Instant.parse("1970-01-01T00:00:00Z")).setLocation(SCENE).build(),
                T0.plusSeconds(1));
        d.send(incident("GOOD", 1, T0.plusSeconds(2)).setLocation(SCENE));
        d.assignments.pipeInput("GOOD", assignment("GOOD", Instant.parse("2000-01-01T00:00:00Z"), "U1"), T0.plusSeconds(3));

        assertThat(reasons(statusDlq)).containsExactly("time-out-of-window", "time-out-of-window", "time-out-of-window");
        assertThat(reasons(telematicsDlq)).containsExactly("time-out-of-window");
        List<TestRecord<byte[], byte[]>> oldIncident = incidentsDlq.readRecordsToList();
        assertThat(oldIncident).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("time-out-of-window");
        assertThat(header(oldIncident.get(0), DeadLetterHeaders.MESSAGE)).startsWith("incident OLD: occurred at 1970-01-01T00:00:00Z is not within");
        assertThat(reasons(assignmentsDlq)).containsExactly("time-out-of-window");
        Recommendation good = d.recommendations.readValue();
        assertThat(good.getIncidentId()).isEqualTo("GOOD");
        Candidate first = good.getCandidates().get(0);
        assertThat(first.getOfficerIds()).containsExactly("U1");
        assertThat(first.getPositionAgeSeconds()).isBetween(0, 2);
    }

    @Test
    void aPositionDecadesOldGivesAnAgeThatSaturatesInsteadOfWrappingNegative() {
        start();
        Instant y1970 = Instant.parse("1970-01-02T00:00:00Z");
        d.status.pipeInput("U1", unit("U1", OfficerState.AVAILABLE, y1970).setPosition(NEARBY).build(), y1970);
        Instant y2060 = Instant.parse("2060-01-01T00:00:00Z");
        d.incidents.pipeInput("LATE", incident("LATE", 1, y2060).setLocation(SCENE).build(), y2060);

        Candidate only = d.recommendations.readValue().getCandidates().get(0);
        assertThat(only.getPositionStale()).isTrue();
        assertThat(only.getPositionAgeSeconds()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void longOrUnprintableIdsAreDeadLetteredBeforeTheyReachStateAndLaterRecordsOfTheGroupStillCount() {
        start();
        var statusDlq = d.deadLetters(Topic.OFFICER_STATUS);
        var incidentsDlq = d.deadLetters(Topic.INCIDENTS);
        String huge = "X".repeat(100_000);

        d.status.pipeInput(huge, unit(huge, OfficerState.AVAILABLE, T0).setPosition(NEARBY).build(), T0);
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setDispatchGroup("NORTH" + huge).setPosition(NEARBY));
        d.send(unit("U1\u001fNORTH", OfficerState.AVAILABLE, T0).setPosition(NEARBY));
        d.send(incident("I\n1", 1, T0).setLocation(SCENE));
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setPosition(NEARBY));
        d.send(incident("GOOD", 1, T0.plusSeconds(1)).setLocation(SCENE));

        List<TestRecord<byte[], byte[]>> letters = statusDlq.readRecordsToList();
        assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly("invalid-id", "invalid-id", "invalid-id");
        assertThat(header(letters.get(0), DeadLetterHeaders.MESSAGE)).contains("of 100000 characters, more than 128").hasSizeLessThan(500);
        assertThat(header(letters.get(2), DeadLetterHeaders.MESSAGE)).contains("'U1\\u001fNORTH' holds control or unprintable characters");
        assertThat(reasons(incidentsDlq)).containsExactly("invalid-id");
        assertThat(d.recommendations.readValue().getCandidates()).extracting(c -> c.getOfficerIds().get(0)).containsExactly("U1");
    }

    @Test
    void anAssignmentNamingThousandsOfOfficersAndImpossibleCrewsOrTeamsAreDeadLettered() {
        start();
        var statusDlq = d.deadLetters(Topic.OFFICER_STATUS);
        var incidentsDlq = d.deadLetters(Topic.INCIDENTS);
        var assignmentsDlq = d.deadLetters(Topic.ASSIGNMENTS);
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setPosition(NEARBY));
        d.send(unit("BIG", OfficerState.AVAILABLE, T0).setCrewSize(1_000_000).setPosition(NEARBY));
        d.send(incident("CROWD", 1, T0).setOfficersRequired(5_000).setLocation(SCENE));
        d.send(incident("I1", 1, T0.plusSeconds(1)).setLocation(SCENE));
        String[] thousands = IntStream.range(0, 3_000).mapToObj(i -> "O" + i).toArray(String[]::new);

        d.assign("I1", T0.plusSeconds(2), thousands);
        d.assign("I1", T0.plusSeconds(3), "U1");

        assertThat(reasons(statusDlq)).containsExactly("invalid-crew-size");
        assertThat(reasons(incidentsDlq)).containsExactly("invalid-officers-required");
        List<TestRecord<byte[], byte[]>> tooMany = assignmentsDlq.readRecordsToList();
        assertThat(tooMany).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("team-too-large");
        assertThat(header(tooMany.get(0), DeadLetterHeaders.MESSAGE)).isEqualTo("assignment to incident I1: officer ids: 3000, more than 50");
        List<Recommendation> out = d.recommendations.readValuesToList();
        assertThat(out).extracting(Recommendation::getIncidentId, Recommendation::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple("I1", RecommendationStatus.ACTIVE),
                org.assertj.core.groups.Tuple.tuple("I1", RecommendationStatus.WITHDRAWN));
    }

    @Test
    void coordinatesThatCannotExistAreDeadLettered() {
        start();
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setPosition(NEARBY));

        for (GeoPoint impossible : List.of(new GeoPoint(Double.NaN, 0.0), new GeoPoint(0.0, Double.POSITIVE_INFINITY),
                new GeoPoint(Double.NEGATIVE_INFINITY, 0.0), new GeoPoint(91.0, 0.0), new GeoPoint(0.0, -180.5))) {
            d.telematics.pipeInput("U1", fix("U1", T0.plusSeconds(1), impossible), T0.plusSeconds(1));
        }

        assertThat(reasons(telematicsDlq)).hasSize(5).containsOnly("invalid-position");
    }

    @Test
    void negativeOrEnormousServiceEstimatesAreDroppedForTheDefaultAndCounted() {
        start();
        d.send(incident("NEG", 3, T0).setExpectedServiceMinutes(-45).setLocation(SCENE));
        d.send(incident("HUGE", 3, T0.plusSeconds(1)).setExpectedServiceMinutes(Integer.MAX_VALUE).setLocation(SCENE));
        d.send(incident("FINE", 3, T0.plusSeconds(2)).setExpectedServiceMinutes(30).setLocation(SCENE));

        List<BacklogSnapshot> snapshots = d.backlog.readValuesToList();
        List<BacklogEntry> last = snapshots.get(snapshots.size() - 1).getEntries();
        assertThat(last).extracting(BacklogEntry::getIncidentId, BacklogEntry::getExpectedServiceMinutes)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("NEG", null),
                        org.assertj.core.groups.Tuple.tuple("HUGE", null), org.assertj.core.groups.Tuple.tuple("FINE", 30));
        assertThat(snapshots).flatMap(BacklogSnapshot::getEntries).allSatisfy(entry ->
                assertThat(entry.getExpectedServiceMinutes() == null || entry.getExpectedServiceMinutes() >= 0).isTrue());
        assertThat(d.meters.counter(Inbound.CORRECTED, "field", "expected-service-minutes").count()).isEqualTo(2.0);
    }

    @Test
    void coverageImpactAndAFixReadBeforeTheOfficersFirstStatusAreKeptForItNotDeadLettered() {
        start();
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        var impactDlq = d.deadLetters(Topic.OFFICER_IMPACT);

        // Coverage publishes its own impact, and the fix sent 10 ms after the status is read first.
        d.impacts.pipeInput("U1", impact("U1", 3, 0.5, T0), T0);
        d.telematics.pipeInput("U1", fix("U1", T0.plusMillis(10), NEARBY), T0.plusMillis(10));
        d.send(unit("U1", OfficerState.AVAILABLE, T0));
        d.send(incident("I2", 2, T0.plusSeconds(1)).setLocation(SCENE));

        assertThat(telematicsDlq.readRecordsToList()).isEmpty();
        assertThat(impactDlq.readRecordsToList()).isEmpty();
        Candidate u1 = d.recommendations.readValue().getCandidates().get(0);
        assertThat(u1.getOfficerIds()).containsExactly("U1");
        assertThat(u1.getPositionAgeSeconds()).isEqualTo(0);
        assertThat(u1.getReasons().get(0)).endsWith("would leave 3 cells uncovered (0.50 incidents/h)");
        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "held").count()).isEqualTo(2.0);
        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "applied").count()).isEqualTo(1.0);
    }

    @Test
    void earlyUpdatesForOfficersNeverSeenAreBoundedInCountAndTime() {
        start(new EarlyHold(2, Duration.ofMinutes(10)));
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        for (String ghost : List.of("G1", "G2", "G3", "G4")) {
            d.telematics.pipeInput(ghost, fix(ghost, T0, NEARBY), T0);
        }
        // A move of G1 (345 m: a fix that moves a unit less, this soon, ends at the telematics task).
        d.telematics.pipeInput("G1", fix("G1", T0.plusSeconds(5), SCENE), T0.plusSeconds(5));

        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "held").count()).isEqualTo(3.0);
        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "dropped").count()).isEqualTo(2.0);
        assertThat(heldOfficers()).containsExactly("G1", "G2");

        // Stream time passes the hold: what waited is dropped, and room is made for others.
        d.send(unit("U1", OfficerState.AVAILABLE, T0.plus(Duration.ofMinutes(11))));
        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "expired").count()).isEqualTo(2.0);
        d.telematics.pipeInput("G3", fix("G3", T0.plus(Duration.ofMinutes(12)), NEARBY), T0.plus(Duration.ofMinutes(12)));
        assertThat(d.meters.counter(EarlyUpdates.METER, "outcome", "held").count()).isEqualTo(4.0);
        d.send(unit("G1", OfficerState.AVAILABLE, T0.plus(Duration.ofMinutes(13))));
        d.send(incident("I1", 1, T0.plus(Duration.ofMinutes(14))).setLocation(SCENE));

        assertThat(telematicsDlq.readRecordsToList()).isEmpty();
        Recommendation recommendation = d.recommendations.readValue();
        assertThat(recommendation.getStatus()).isEqualTo(RecommendationStatus.NO_CANDIDATE);
        assertThat(recommendation.getNoCandidateReason()).contains("known position");
    }

    @Test
    void tombstonesOnTheContractTopicsAreDeadLetteredWithAPlainReasonNotANullPointer() {
        start();
        var statusDlq = d.deadLetters(Topic.OFFICER_STATUS);
        var telematicsDlq = d.deadLetters(Topic.TELEMATICS);
        var incidentsDlq = d.deadLetters(Topic.INCIDENTS);
        var assignmentsDlq = d.deadLetters(Topic.ASSIGNMENTS);

        d.status.pipeInput("U1", null, T0);
        d.telematics.pipeInput("U1", null, T0);
        d.incidents.pipeInput("I1", null, T0);
        d.assignments.pipeInput("I1", null, T0);

        for (var dlq : List.of(statusDlq, telematicsDlq, incidentsDlq, assignmentsDlq)) {
            List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
            assertThat(letters).hasSize(1);
            assertThat(header(letters.get(0), DeadLetterHeaders.REASON)).isEqualTo("tombstone");
            assertThat(header(letters.get(0), DeadLetterHeaders.MESSAGE)).contains("no value (a tombstone)")
                    .doesNotContain("NullPointerException").doesNotContain("because");
        }
        // The next good records still count.
        d.send(unit("U1", OfficerState.AVAILABLE, T0.plusSeconds(1)).setPosition(NEARBY));
        d.send(incident("I2", 1, T0.plusSeconds(2)).setLocation(SCENE));
        assertThat(d.recommendations.readValue().getCandidates()).isNotEmpty();
    }

    @Test
    void anAssignmentReadBeforeItsIncidentWaitsForItInsteadOfBeingDeadLettered() {
        start();
        var assignmentsDlq = d.deadLetters(Topic.ASSIGNMENTS);
        d.send(unit("U1", OfficerState.AVAILABLE, T0).setPosition(NEARBY));

        // CAD wrote the incident first, but its assignment is read first.
        d.assign("I1", T0.plusSeconds(2), "U1");
        assertThat(d.recommendations.readValuesToList()).isEmpty();
        d.send(incident("I1", 1, T0.plusSeconds(1)).setLocation(SCENE));

        assertThat(assignmentsDlq.readRecordsToList()).isEmpty();
        assertThat(d.recommendations.readValuesToList()).extracting(Recommendation::getIncidentId, Recommendation::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("I1", RecommendationStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("I1", RecommendationStatus.WITHDRAWN));
        assertThat(d.meters.counter(EarlyAssignments.METER, "outcome", "held").count()).isEqualTo(1.0);
        assertThat(d.meters.counter(EarlyAssignments.METER, "outcome", "released").count()).isEqualTo(1.0);
    }

    @Test
    void earlyAssignmentsAreBoundedInCountAndDeadLetteredUnknownIncidentWhenTheHoldRunsOut() {
        start(new EarlyHold(1, Duration.ofMinutes(10)));
        var assignmentsDlq = d.deadLetters(Topic.ASSIGNMENTS);
        d.assign("GHOST1", T0, "U1");
        d.assign("GHOST1", T0.plusSeconds(1), "U2");

        // The hold is full: an assignment for another unknown incident is refused at once.
        d.assign("GHOST2", T0.plusSeconds(2), "U1");
        List<TestRecord<byte[], byte[]>> refused = assignmentsDlq.readRecordsToList();
        assertThat(refused).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("unknown-incident");
        assertThat(header(refused.get(0), DeadLetterHeaders.MESSAGE)).contains("GHOST2").contains("the early hold is full");

        // Stream time passes the hold: both waiting assignments are dead-lettered, with their own bytes and offsets.
        d.send(incident("I9", 1, T0.plus(Duration.ofMinutes(11))).setLocation(SCENE));
        List<TestRecord<byte[], byte[]>> expired = assignmentsDlq.readRecordsToList();
        assertThat(expired).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly("unknown-incident", "unknown-incident");
        assertThat(expired).extracting(r -> header(r, DeadLetterHeaders.OFFSET)).containsExactly("0", "1");
        assertThat(header(expired.get(0), DeadLetterHeaders.MESSAGE))
                .isEqualTo("assignment for incident GHOST1, which was not opened within PT10M of it");
        Assignment original = serdes.valueSerde(Topic.ASSIGNMENTS).deserializer()
                .deserialize(Topic.ASSIGNMENTS.topicName(), expired.get(1).value());
        assertThat(original.getOfficerIds()).containsExactly("U2");
        assertThat(d.meters.counter(EarlyAssignments.METER, "outcome", "expired").count()).isEqualTo(2.0);

        // Room again: a later early assignment is held, and applied when its incident comes.
        d.assign("I10", T0.plus(Duration.ofMinutes(12)), "U1");
        d.send(incident("I10", 1, T0.plus(Duration.ofMinutes(12))).setLocation(SCENE));
        assertThat(assignmentsDlq.readRecordsToList()).isEmpty();

        // Nor does a flood for one unknown incident grow its entry without bound.
        for (int i = 0; i <= EarlyAssignments.MAX_PER_INCIDENT; i++) {
            d.assign("GHOST3", T0.plus(Duration.ofMinutes(13)), "U1");
        }
        assertThat(reasons(assignmentsDlq)).containsExactly("unknown-incident");
    }

    List<String> heldOfficers() {
        List<String> held = new java.util.ArrayList<>();
        try (KeyValueIterator<String, Object> all = d.driver.<String, Object>getKeyValueStore(DispatchTopology.EARLY_UPDATES_STORE).all()) {
            all.forEachRemaining(entry -> held.add(entry.key));
        }
        return held;
    }

    static PositionFix fix(String officerId, Instant at, GeoPoint where) {
        return PositionFix.newBuilder().setOfficerId(officerId).setFixedAt(at).setPosition(where).build();
    }

    static OfficerCoverageImpact impact(String officerId, int cells, double demand, Instant at) {
        return OfficerCoverageImpact.newBuilder().setOfficerId(officerId).setSoleCoverCells(cells)
                .setSoleCoverDemandPerHour(demand).setReachableCells(cells * 10).setUpdatedAt(at).build();
    }

    static Assignment assignment(String incidentId, Instant at, String... officerIds) {
        return Assignment.newBuilder().setIncidentId(incidentId).setAction(AssignmentAction.ASSIGNED)
                .setOfficerIds(List.of(officerIds)).setDecidedAt(at).build();
    }

    static List<String> reasons(TestOutputTopic<byte[], byte[]> deadLetters) {
        return deadLetters.readRecordsToList().stream().map(r -> header(r, DeadLetterHeaders.REASON)).toList();
    }

    static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
