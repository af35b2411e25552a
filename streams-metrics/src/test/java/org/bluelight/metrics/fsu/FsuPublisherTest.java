package org.bluelight.metrics.fsu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.schemas.FsuTally;
import org.junit.jupiter.api.Test;

class FsuPublisherTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant MAY = Instant.parse("2024-05-01T12:00:00Z");

    /** Divided by the top value and capped, so one person's change leaves the others' metrics as they were. */
    private final FsuPublisher publisher = new FsuPublisher(LONDON, new FsuRanking.Settings(1, 100, FsuRanking.Normalisation.CAP));
    private final Map<String, PersonLedger> people = new LinkedHashMap<>();

    private static PersonLedger calls(Instant... reportedAt) {
        PersonLedger ledger = PersonLedger.empty();
        for (int i = 0; i < reportedAt.length; i++) {
            ledger = ledger.with(PersonLedger.callKey("INC-" + i, true), PersonActivity.call(true, reportedAt[i], 1.5, Set.of(), "Cowley"));
        }
        return ledger;
    }

    /** One run over {@link #people}, keeping what it keeps, as the processor does with its store. */
    private FsuPublisher.Published run(Instant asOf) {
        FsuPublisher.Run run = publisher.run(asOf);
        Map<String, PersonLedger> kept = new LinkedHashMap<>();
        people.forEach((personId, ledger) -> {
            PersonLedger aged = run.age(personId, ledger);
            if (aged != null) {
                kept.put(personId, aged);
            }
        });
        people.clear();
        people.putAll(kept);
        return run.finish();
    }

    private static List<String> published(FsuPublisher.Published published) {
        return published.publications().stream()
                .map(p -> p.personId() + (p.tally() == null ? ":withdrawn" : ":" + p.tally().getCallsAsOriginator()))
                .toList();
    }

    @Test
    void firstRunPublishesEveryoneWithMetricsAndRanks() {
        people.put("P1", calls(MAY.minusSeconds(3600), MAY.minusSeconds(7200)));
        people.put("P2", calls(MAY.minusSeconds(3600)));

        FsuPublisher.Published first = run(MAY);

        assertThat(published(first)).containsExactlyInAnyOrder("P1:2", "P2:1");
        FsuTally p1 = first.publications().stream().filter(p -> p.personId().equals("P1")).findFirst().orElseThrow().tally();
        assertThat(p1.getAsOf()).isEqualTo(MAY);
        assertThat(p1.getRank2()).isEqualTo(1);
        assertThat(first.board().asOf()).isEqualTo(MAY);
        assertThat(first.board().people()).isEqualTo(2);
        assertThat(first.board().top().get(Metric.ORIGINATOR)).extracting(FsuBoard.Listed::personId).containsExactly("P1", "P2");
        assertThat(first.board().top().get(Metric.ORIGINATOR).get(0).homeArea()).isEqualTo("Cowley");
    }

    @Test
    void laterRunPublishesOnlyTalliesThatChangedInMoreThanTheirAsOfTime() {
        people.put("P1", calls(MAY.minusSeconds(3600), MAY.minusSeconds(3000), MAY.minusSeconds(2400)));
        people.put("P2", calls(MAY.minusSeconds(3600)));
        people.put("P3", calls(MAY.minusSeconds(3600)));
        run(MAY);

        assertThat(run(MAY.plusSeconds(3600)).publications()).isEmpty();

        // P2 moves up towards P1; P1 and P3 keep their metrics and ranks.
        people.put("P2", calls(MAY.minusSeconds(3600), MAY.plusSeconds(60)));
        assertThat(published(run(MAY.plusSeconds(7200)))).containsExactly("P2:2");
    }

    @Test
    void activityOlderThanTwelveMonthsAgesOutAndTheLedgerKeepsTheRest() {
        Instant lastYear = MAY.atZone(LONDON).minusMonths(12).minusDays(1).toInstant();
        people.put("P1", calls(lastYear, MAY.minusSeconds(60)));

        FsuPublisher.Published published = run(MAY);

        assertThat(published(published)).containsExactly("P1:1");
        assertThat(people.get("P1").activities()).hasSize(1);
    }

    @Test
    void aLedgerWithNothingToAgeIsKeptAsItIs() {
        PersonLedger ledger = calls(MAY.minusSeconds(60));

        assertThat(publisher.run(MAY).age("P1", ledger)).isSameAs(ledger);
    }

    @Test
    void aPersonWithNoActivityLeftIsWithdrawnOnceIfTheirTallyWasPublished() {
        people.put("P1", calls(MAY.minusSeconds(60)));
        run(MAY);
        Instant nextYear = MAY.atZone(LONDON).plusMonths(12).plusDays(1).toInstant();

        FsuPublisher.Published withdrawn = run(nextYear);

        assertThat(published(withdrawn)).containsExactly("P1:withdrawn");
        assertThat(people).isEmpty();
        assertThat(withdrawn.board().people()).isZero();
        people.put("P1", PersonLedger.empty());
        assertThat(run(nextYear.plusSeconds(60)).publications()).isEmpty();
    }

    @Test
    void aPersonNeverPublishedLeavesWithoutATombstone() {
        Instant lastYear = MAY.atZone(LONDON).minusMonths(13).toInstant();
        people.put("P1", calls(lastYear));

        assertThat(run(MAY).publications()).isEmpty();
        assertThat(people).isEmpty();
    }
}
