package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.IncidentCategory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonLedgerTest {

    private static final Instant AS_OF = Instant.parse("2024-06-30T12:00:00Z");
    private static final Instant WINDOW_START = PersonLedger.windowStart(AS_OF, ZoneId.of("Europe/London"));

    @Test
    void custodyHoursOverTwoHundredAreCappedAndNegativesFloored() {
        Instant arrived = Instant.parse("2024-05-01T00:00:00Z");
        assertThat(CustodyHours.of(arrived, arrived.plusSeconds(250 * 3600))).isEqualTo(200.0);
        assertThat(CustodyHours.of(arrived, arrived.minusSeconds(3600))).isEqualTo(0.0);
        assertThat(CustodyHours.of(arrived, arrived.plusSeconds(5400))).isEqualTo(1.5);
        PersonLedger ledger = PersonLedger.empty()
                .with(PersonLedger.custodyKey("K1"), PersonActivity.custody(arrived, arrived.plusSeconds(250 * 3600), null))
                .with(PersonLedger.custodyKey("K2"), PersonActivity.custody(arrived, arrived.minusSeconds(3600), null))
                .with(PersonLedger.custodyKey("K3"), PersonActivity.custody(arrived, arrived.plusSeconds(7200), null));
        FsuTotals totals = ledger.totals(WINDOW_START, AS_OF);
        assertThat(totals.value(FsuTotal.CUSTODY_COUNT)).isEqualTo(3);
        assertThat(totals.value(FsuTotal.CUSTODY_HOURS)).isEqualTo(202.0);
    }

    @Test
    void callsCrimeRolesAndResourceHoursAreTotalled() {
        Instant t = Instant.parse("2024-06-01T10:00:00Z");
        PersonLedger ledger = PersonLedger.empty()
                .with(PersonLedger.callKey("I1", true), PersonActivity.call(true, t, 2.5, Set.of(SafeguardingTheme.MENTAL_HEALTH), "N1"))
                .with(PersonLedger.callKey("I2", true), PersonActivity.call(true, t, 1.0, Set.of(), "N2"))
                .with(PersonLedger.callKey("I2", false), PersonActivity.call(false, t, 1.0, Set.of(), "N2"))
                .with(PersonLedger.callKey("I3", true), PersonActivity.call(true, t, 0.5, Set.of(), "N2"))
                .with(PersonLedger.crimeKey("C1"), PersonActivity.crime(t, Set.of(CrimeRole.SUSPECT, CrimeRole.OFFENDER), null))
                .with(PersonLedger.crimeKey("C2"), PersonActivity.crime(t, Set.of(CrimeRole.VICTIM), null));
        FsuTotals totals = ledger.totals(WINDOW_START, AS_OF);
        assertThat(totals.value(FsuTotal.ORIGINATOR_CALLS)).isEqualTo(3);
        assertThat(totals.value(FsuTotal.ORIGINATOR_RESOURCE_HOURS)).isEqualTo(4.0);
        assertThat(totals.value(FsuTotal.SUBJECT_CALLS)).isEqualTo(1);
        assertThat(totals.value(FsuTotal.SUSPECT_COUNT)).isEqualTo(1);
        assertThat(totals.value(FsuTotal.OFFENDER_COUNT)).isEqualTo(1);
        assertThat(totals.value(FsuTotal.VICTIM_COUNT)).isEqualTo(1);
        assertThat(totals.themes()).containsExactly(SafeguardingTheme.MENTAL_HEALTH);
        assertThat(totals.homeArea()).isEqualTo("N2");
        // a withdrawn call leaves
        assertThat(ledger.without(PersonLedger.callKey("I1", true)).totals(WINDOW_START, AS_OF).value(FsuTotal.ORIGINATOR_CALLS)).isEqualTo(2);
    }

    @Test
    void activityOlderThanTwelveMonthsAgesOut() {
        PersonLedger ledger = PersonLedger.empty()
                .with(PersonLedger.callKey("OLD", true), PersonActivity.call(true, Instant.parse("2023-06-29T12:00:00Z"), 1, Set.of(), null))
                .with(PersonLedger.callKey("NEW", true), PersonActivity.call(true, Instant.parse("2023-07-01T12:00:00Z"), 1, Set.of(), null));
        assertThat(ledger.totals(WINDOW_START, AS_OF).value(FsuTotal.ORIGINATOR_CALLS)).isEqualTo(1);
        assertThat(ledger.agedOut(WINDOW_START).activities()).containsOnlyKeys(PersonLedger.callKey("NEW", true));
    }

    @Test
    void amendedCrimeKeepsItsFirstRecordingTime() {
        Instant first = Instant.parse("2023-07-01T00:00:00Z");
        PersonLedger ledger = PersonLedger.empty()
                .with(PersonLedger.crimeKey("C1"), PersonActivity.crime(first, Set.of(CrimeRole.SUSPECT), null))
                .with(PersonLedger.crimeKey("C1"), PersonActivity.crime(first.plusSeconds(86_400 * 200), Set.of(CrimeRole.OFFENDER), null));
        assertThat(ledger.activities().get(PersonLedger.crimeKey("C1")).at()).isEqualTo(first);
        assertThat(ledger.totals(WINDOW_START, AS_OF).value(FsuTotal.SUSPECT_COUNT)).isZero();
        assertThat(ledger.totals(WINDOW_START, AS_OF).value(FsuTotal.OFFENDER_COUNT)).isEqualTo(1);
    }

    @Test
    void aCrimeCountsFromItsCreationTimeNotItsLastAmendment() {
        Instant created = WINDOW_START.minusSeconds(86_400);
        Instant amended = WINDOW_START.plusSeconds(86_400);
        CrimeRecord crime = CrimeRecord.newBuilder().setCrimeId("C9").setCommittedAt(created).setRecordedAt(amended)
                .setCreatedAt(created).setCategory(IncidentCategory.THEFT)
                .setPeople(List.of(new CrimePerson("P1", CrimeRole.SUSPECT, null))).build();
        PersonUpdate update = RecordLinks.of(crime).get(0);

        FsuTotals totals = PersonLedger.empty().with(update.ledgerKey(), update.activity()).totals(WINDOW_START, AS_OF);

        assertThat(update.activity().at()).isEqualTo(created);
        assertThat(totals.value(FsuTotal.SUSPECT_COUNT)).as("created before the window, amended inside it").isZero();
    }

    @Test
    void theHomeAreaARecordGivesBeatsTheMostFrequentCallArea() {
        Instant t = WINDOW_START.plusSeconds(86_400);
        CustodyRecord custody = CustodyRecord.newBuilder().setCustodyId("K1").setPersonId("P1").setArrivedAt(t.plusSeconds(60))
                .setReleasedAt(t.plusSeconds(3600)).setHomeArea("HOME-N7").build();
        PersonUpdate fromCustody = RecordLinks.of(custody).get(0);
        PersonLedger ledger = PersonLedger.empty()
                .with(PersonLedger.callKey("I1", true), PersonActivity.call(true, t, 1.0, Set.of(), "N2"))
                .with(PersonLedger.callKey("I2", true), PersonActivity.call(true, t, 1.0, Set.of(), "N2"));

        assertThat(ledger.totals(WINDOW_START, AS_OF).homeArea()).as("calls only").isEqualTo("N2");
        assertThat(ledger.with(fromCustody.ledgerKey(), fromCustody.activity()).totals(WINDOW_START, AS_OF).homeArea())
                .isEqualTo("HOME-N7");
    }
}
