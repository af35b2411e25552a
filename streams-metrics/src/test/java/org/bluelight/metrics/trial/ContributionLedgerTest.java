package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.schemas.IncidentCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContributionLedgerTest {

    private static final LocalDate DAY = LocalDate.parse("2024-05-01");
    private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

    private final Map<String, ContributionLedger.Entry> entries = new HashMap<>();
    private final Map<String, HotSpotDayState> counts = new HashMap<>();
    private ContributionLedger ledger;

    @BeforeEach
    void setUp() {
        ledger = new ContributionLedger(new ContributionLedger.Store() {
            @Override
            public ContributionLedger.Entry get(String key) {
                return entries.get(key);
            }

            @Override
            public void put(String key, ContributionLedger.Entry previous, ContributionLedger.Entry entry) {
                assertThat(previous).as("the entry it replaces").isEqualTo(entries.get(key));
                entries.put(key, entry);
            }

            @Override
            public void delete(String key, ContributionLedger.Entry previous) {
                assertThat(previous).as("the entry it deletes").isEqualTo(entries.get(key));
                entries.remove(key);
            }
        });
    }

    private static Contribution of(String hotSpot, LocalDate day, IncidentCategory category) {
        return new Contribution(List.of(hotSpot), day, OutcomeClassifier.classify(new CrimeFacts(category, true, false, false, false)));
    }

    private void apply(List<HotSpotDayChange> changes) {
        changes.forEach(change -> counts.merge(change.hotSpotId() + "|" + change.trialDay(),
                HotSpotDayState.empty(change.hotSpotId(), change.trialDay()).apply(change), (old, fresh) -> old.apply(change)));
    }

    private int count(String hotSpot, LocalDate day, Outcome outcome) {
        HotSpotDayState state = counts.get(hotSpot + "|" + day);
        return state == null ? 0 : state.count(outcome);
    }

    @Test
    void recategorisedIncidentMovesBetweenOutcomes() {
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.THEFT), AT));
        assertThat(count("HS1", DAY, Outcome.ACQUISITIVE)).isEqualTo(1);
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.ROBBERY), AT));
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.VIOLENCE_WITH_INJURY), AT));
        assertThat(count("HS1", DAY, Outcome.ACQUISITIVE)).isZero();
        assertThat(count("HS1", DAY, Outcome.VIOLENT_CRIME)).isEqualTo(1);
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isEqualTo(1);
    }

    @Test
    void repeatedVersionsDoNotCountTwice() {
        for (int i = 0; i < 3; i++) {
            apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.THEFT), AT));
        }
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isEqualTo(1);
    }

    @Test
    void cancelledRecordLeavesAndCorrectedDayMovesTheCount() {
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.THEFT), AT));
        apply(ledger.incident("I1", of("HS1", DAY.minusDays(1), IncidentCategory.THEFT), AT));
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isZero();
        assertThat(count("HS1", DAY.minusDays(1), Outcome.ALL_CRIME)).isEqualTo(1);
        apply(ledger.incident("I1", null, AT));
        assertThat(count("HS1", DAY.minusDays(1), Outcome.ALL_CRIME)).isZero();
    }

    @Test
    void aRecordThatCountsNowhereKeepsNoEntry() {
        apply(ledger.incident("I1", null, AT));
        apply(ledger.crime("C1", null, null, AT));
        assertThat(entries).isEmpty();
        apply(ledger.incident("I2", of("HS1", DAY, IncidentCategory.THEFT), AT));
        apply(ledger.incident("I2", null, AT));
        assertThat(entries).isEmpty();
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isZero();
        // a crime taking over an incident that counts nowhere still stops the incident's later versions counting
        apply(ledger.crime("C3", "I3", null, AT));
        apply(ledger.incident("I3", of("HS1", DAY, IncidentCategory.THEFT), AT));
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isZero();
    }

    @Test
    void anEntryOfAnEarlierVersionThatCountsNowhereReadsAsNone() {
        entries.put("incident:I1", new ContributionLedger.Entry(null, false, AT));
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.THEFT), AT));
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isEqualTo(1);
    }

    @Test
    void crimeRecordsTakeOverFromTheirIncident() {
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.VIOLENCE_WITHOUT_INJURY), AT));
        apply(ledger.crime("C1", "I1", of("HS1", DAY, IncidentCategory.VIOLENCE_WITH_INJURY), AT));
        apply(ledger.crime("C2", "I1", of("HS1", DAY, IncidentCategory.CRIMINAL_DAMAGE), AT));
        // a later incident update no longer counts: its crimes speak for it
        apply(ledger.incident("I1", of("HS1", DAY, IncidentCategory.THEFT), AT));
        assertThat(count("HS1", DAY, Outcome.ALL_CRIME)).isEqualTo(2);
        assertThat(count("HS1", DAY, Outcome.VIOLENT_CRIME)).isEqualTo(1);
        assertThat(count("HS1", DAY, Outcome.ACQUISITIVE)).isZero();
    }
}
