package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.junit.jupiter.api.Test;

class OccurrencePlacerTest {

    private static final GeoPoint COWLEY_ROAD = new GeoPoint(51.755, -1.255);
    /** 05:30 BST on 2 May is still trial day 1 May (days start at 06:00). */
    private static final Instant BEFORE_SIX = Instant.parse("2024-05-02T04:30:00Z");
    private static final Instant AFTER_SIX = Instant.parse("2024-05-02T05:30:00Z");

    private final OccurrencePlacer placer = new OccurrencePlacer(
            (lat, lon) -> lat == COWLEY_ROAD.getLat() && lon == COWLEY_ROAD.getLon() ? Set.of("HS2", "HS1") : Set.of(),
            TrialDayClock.thamesValley());

    @Test
    void anIncidentCountsInItsHotSpotsOnTheTrialDayItWasReported() {
        OccurrenceVersion version = placer.place(incident(IncidentEventType.REPORTED, COWLEY_ROAD));

        assertThat(version).isEqualTo(new OccurrenceVersion(false, "INC-1", "INC-1",
                new Contribution(List.of("HS1", "HS2"), LocalDate.parse("2024-05-01"),
                        OutcomeClassifier.classify(new CrimeFacts(IncidentCategory.VIOLENCE_WITH_INJURY, true, false, false, false))),
                AFTER_SIX));
    }

    @Test
    void aCancelledIncidentOrOneWithoutALocationCountsNowhere() {
        assertThat(placer.place(incident(IncidentEventType.CANCELLED, COWLEY_ROAD)).contribution()).isNull();
        assertThat(placer.place(incident(IncidentEventType.REPORTED, null)).contribution()).isNull();
    }

    @Test
    void anIncidentOutsideEveryHotSpotStillCarriesItsDayAndOutcomes() {
        Contribution contribution = placer.place(incident(IncidentEventType.REPORTED, new GeoPoint(51.7, -1.3))).contribution();

        assertThat(contribution.hotSpotIds()).isEmpty();
        assertThat(contribution.trialDay()).isEqualTo(LocalDate.parse("2024-05-01"));
    }

    @Test
    void aCrimeRecordCountsOnTheDayItWasCommittedAndIsVersionedByItsRecording() {
        OccurrenceVersion version = placer.place(crime(false));

        assertThat(version.crime()).isTrue();
        assertThat(version.recordId()).isEqualTo("CR-1");
        assertThat(version.incidentId()).isEqualTo("INC-1");
        assertThat(version.at()).isEqualTo(AFTER_SIX.plusSeconds(86_400));
        assertThat(version.contribution().trialDay()).isEqualTo(LocalDate.parse("2024-05-02"));
        assertThat(placer.place(crime(true)).contribution()).isNull();
    }

    private static IncidentEvent incident(IncidentEventType type, GeoPoint location) {
        return IncidentEvent.newBuilder()
                .setIncidentId("INC-1").setEventType(type).setLocation(location)
                .setReportedAt(BEFORE_SIX).setOccurredAt(AFTER_SIX).setGrade(1)
                .setCategory(IncidentCategory.VIOLENCE_WITH_INJURY).setRecordedCrime(true)
                .build();
    }

    private static CrimeRecord crime(boolean cancelled) {
        return CrimeRecord.newBuilder()
                .setCrimeId("CR-1").setIncidentId("INC-1").setCancelled(cancelled).setLocation(COWLEY_ROAD)
                .setCategory(IncidentCategory.VIOLENCE_WITH_INJURY).setCommittedAt(AFTER_SIX).setRecordedAt(AFTER_SIX.plusSeconds(86_400))
                .build();
    }
}
