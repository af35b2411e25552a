package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;
import org.junit.jupiter.api.Test;

class LedgerTotalsTest {

    private static final Instant AS_OF = Instant.parse("2024-06-30T12:00:00Z");
    private static final Instant WINDOW_START = PersonLedger.windowStart(AS_OF, ZoneId.of("Europe/London"));

    @Test
    void keptAsEntriesComeChangeAndGoEqualsTheLedgerReadAfresh() {
        SplittableRandom random = new SplittableRandom(5);
        for (int person = 0; person < 200; person++) {
            Map<String, PersonActivity> ledger = new HashMap<>();
            LedgerTotals kept = new LedgerTotals();
            for (int step = 0; step < 60; step++) {
                String source = "source-" + random.nextInt(12);
                PersonActivity before = ledger.get(source);
                if (before != null) {
                    kept.remove(before);
                }
                if (random.nextInt(5) == 0) {
                    ledger.remove(source);
                } else {
                    PersonActivity after = randomActivity(random).over(before);
                    ledger.put(source, after);
                    kept.add(after);
                }
                if (kept.answersFor(WINDOW_START, AS_OF)) {
                    assertThat(kept.totals(AS_OF)).isEqualTo(new PersonLedger(ledger).totals(WINDOW_START, AS_OF));
                } else {
                    kept = LedgerTotals.of(ledger.values());
                }
                assertThat(kept.isEmpty()).isEqualTo(ledger.isEmpty());
            }
        }
    }

    @Test
    void hoursAreTheSameWhateverTheOrderTheyCameAndWentIn() {
        List<PersonActivity> calls = new ArrayList<>();
        for (double hours : new double[] {0.1, 0.2, 0.3, 1e-9, 7.7, 1.0 / 3}) {
            calls.add(PersonActivity.call(true, AS_OF.minusSeconds(3600), hours, Set.of(), null));
        }
        LedgerTotals forwards = LedgerTotals.of(calls);
        List<PersonActivity> reversed = new ArrayList<>(calls);
        Collections.reverse(reversed);
        LedgerTotals backwards = LedgerTotals.of(reversed);
        PersonActivity extra = PersonActivity.call(true, AS_OF.minusSeconds(60), 123.456, Set.of(), null);
        backwards.add(extra);
        backwards.remove(extra);

        assertThat(backwards.totals(AS_OF)).isEqualTo(forwards.totals(AS_OF));
        assertThat(forwards.totals(AS_OF).value(FsuTotal.ORIGINATOR_RESOURCE_HOURS))
                .isEqualTo(new BigDecimal(0.1).add(new BigDecimal(0.2)).add(new BigDecimal(0.3))
                        .add(new BigDecimal(1e-9)).add(new BigDecimal(7.7)).add(new BigDecimal(1.0 / 3)).doubleValue());
    }

    @Test
    void doesNotAnswerForAWindowAnEntryLiesOutsideOf() {
        LedgerTotals totals = LedgerTotals.of(List.of(PersonActivity.call(true, WINDOW_START.minusSeconds(1), 1, Set.of(), null)));
        assertThat(totals.answersFor(WINDOW_START, AS_OF)).isFalse();
        totals = LedgerTotals.of(List.of(PersonActivity.call(true, AS_OF.plusSeconds(1), 1, Set.of(), null)));
        assertThat(totals.answersFor(WINDOW_START, AS_OF)).isFalse();
        assertThat(totals.answersFor(WINDOW_START, AS_OF.plusSeconds(1))).isTrue();
    }

    @Test
    void removingTheEntryThatGivesTheHomeAreaLeavesItToBeReadAgain() {
        PersonActivity older = PersonActivity.crime(AS_OF.minusSeconds(7200), Set.of(CrimeRole.VICTIM), "H1");
        PersonActivity latest = PersonActivity.custody(AS_OF.minusSeconds(3600), null, "H2");
        LedgerTotals totals = LedgerTotals.of(List.of(older, latest));
        assertThat(totals.totals(AS_OF).homeArea()).isEqualTo("H2");

        totals.remove(latest);

        assertThat(totals.answersFor(WINDOW_START, AS_OF)).isFalse();
        assertThat(LedgerTotals.of(List.of(older)).totals(AS_OF).homeArea()).isEqualTo("H1");
    }

    @Test
    void whoeverIsStillInCustodyCountsUntilTheReportingTime() {
        LedgerTotals totals = LedgerTotals.of(List.of(PersonActivity.custody(AS_OF.minusSeconds(5400), null, null),
                PersonActivity.custody(AS_OF.minusSeconds(9 * 86_400), AS_OF.minusSeconds(8 * 86_400), null)));

        assertThat(totals.totals(AS_OF).value(FsuTotal.CUSTODY_HOURS)).isEqualTo(25.5);
        assertThat(totals.totals(AS_OF.plusSeconds(1800)).value(FsuTotal.CUSTODY_HOURS)).isEqualTo(26.0);
    }

    private static PersonActivity randomActivity(SplittableRandom random) {
        // Mostly in the window, some before it or after the reporting time; few areas and homes, so ties happen.
        Instant at = AS_OF.minusSeconds(random.nextLong(-86_400, 400L * 86_400) / 3600 * 3600);
        Set<SafeguardingTheme> themes = random.nextBoolean() ? Set.of() : EnumSet.of(SafeguardingTheme.values()[random.nextInt(SafeguardingTheme.values().length)]);
        String home = random.nextInt(3) == 0 ? null : "H" + random.nextInt(3);
        return switch (random.nextInt(4)) {
            case 0 -> PersonActivity.call(true, at, random.nextInt(1, 500_000) / 3_600_000.0 * 7, themes, "A" + random.nextInt(3));
            case 1 -> PersonActivity.call(false, at, random.nextDouble() * 5, themes, random.nextBoolean() ? null : "A" + random.nextInt(3));
            case 2 -> PersonActivity.crime(at, EnumSet.of(CrimeRole.values()[random.nextInt(3)], CrimeRole.values()[random.nextInt(3)]), home);
            default -> PersonActivity.custody(at, random.nextBoolean() ? null : at.plusSeconds(random.nextLong(-3600, 300L * 3600)), home);
        };
    }
}
