package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.PersonActivity;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonLedgerSerde;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.FsuTally;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FsuRankingProcessorTest {

    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");

    private MockProcessorContext<String, FsuTally> context;
    private KeyValueStore<String, PersonActivity> activities;
    private KeyValueStore<String, PersonLedger> ledgers;

    @BeforeEach
    void stores() {
        context = ProcessorStores.context("fsu-test");
        context.setCurrentStreamTimeMs(TEN.toEpochMilli());
        context.setCurrentSystemTimeMs(0);
        activities = store(MetricsTopology.FSU_ACTIVITIES_STORE, PersonLedgerSerde.activity());
        ledgers = store(MetricsTopology.PEOPLE_STORE, PersonLedgerSerde.create());
        store(MetricsTopology.FSU_BOARD_STORE, JsonSerde.of(FsuBoard.Snapshot.class));
    }

    @Test
    void entryKeysKeepEachPersonsEntriesTogetherWhateverTheIds() {
        for (String person : new String[] {"P1", "P12", "12:P", "P|1", "", "P:1:"}) {
            String key = FsuRankingProcessor.entryKey(person, PersonLedger.crimeKey("C:1"));
            assertThat(FsuRankingProcessor.personOf(key)).isEqualTo(person);
        }
        // "P1"'s keys share a start no key of "P12" has, so a sorted store keeps each person's entries adjacent.
        assertThat(FsuRankingProcessor.entryKey("P12", "a")).doesNotStartWith(FsuRankingProcessor.entryKey("P1", ""));
    }

    @Test
    void ledgersStoredWholeByEarlierVersionsAreMovedToEntriesAndRankedWithLaterUpdates() {
        ledgers.put("P1", PersonLedger.empty()
                .with(PersonLedger.crimeKey("C1"), PersonActivity.crime(TEN.minusSeconds(3600), Set.of(CrimeRole.SUSPECT), null))
                .with(PersonLedger.custodyKey("K1"), PersonActivity.custody(TEN.minusSeconds(7200), TEN.minusSeconds(3600), null)));
        FsuRankingProcessor processor = started();

        assertThat(ledgers.approximateNumEntries()).as("moved out at start").isZero();
        assertThat(activities.approximateNumEntries()).isEqualTo(2L);
        processor.process(new Record<>("P1", new PersonUpdate("P1", PersonLedger.crimeKey("C2"),
                PersonActivity.crime(TEN, Set.of(CrimeRole.SUSPECT), null)), TEN.toEpochMilli()));
        rankAt(Duration.ofSeconds(5));

        FsuTally tally = latest().get("P1");
        assertThat(tally.getSuspectCount()).isEqualTo(2);
        assertThat(tally.getCustodyCount()).isEqualTo(1);
        assertThat(tally.getCustodyHours()).isEqualTo(1.0);
    }

    @Test
    void aCrimeAmendedLaterKeepsTheTimeItWasFirstRecorded() {
        FsuRankingProcessor processor = started();
        String key = PersonLedger.crimeKey("C1");
        processor.process(new Record<>("P1", new PersonUpdate("P1", key, PersonActivity.crime(TEN, Set.of(CrimeRole.SUSPECT), null)), 0L));
        processor.process(new Record<>("P1", new PersonUpdate("P1", key,
                PersonActivity.crime(TEN.plusSeconds(600), Set.of(CrimeRole.OFFENDER), null)), 0L));

        PersonActivity stored = activities.get(FsuRankingProcessor.entryKey("P1", key));
        assertThat(stored.at()).isEqualTo(TEN);
        assertThat(stored.roles()).containsExactly(CrimeRole.OFFENDER);
    }

    @Test
    void aPersonWhoseEverySourceIsWithdrawnIsWithdrawnFromTheTopic() {
        FsuRankingProcessor processor = started();
        String key = PersonLedger.callKey("I1", true);
        processor.process(new Record<>("P1", new PersonUpdate("P1", key, PersonActivity.call(true, TEN, 1.0, Set.of(), null)), 0L));
        processor.process(new Record<>("P2", new PersonUpdate("P2", key, PersonActivity.call(true, TEN, 2.0, Set.of(), null)), 0L));
        rankAt(Duration.ofSeconds(5));
        assertThat(latest()).containsKeys("P1", "P2");
        context.resetForwards();

        processor.process(new Record<>("P1", new PersonUpdate("P1", key, null), 0L));
        rankAt(Duration.ofHours(2));

        assertThat(activities.approximateNumEntries()).isEqualTo(1);
        Map<String, FsuTally> published = latest();
        assertThat(published).containsKey("P1");
        assertThat(published.get("P1")).as("a tombstone").isNull();
    }

    private FsuRankingProcessor started() {
        FsuRankingProcessor processor = new FsuRankingProcessor(MetricsSettings.defaults(), new FsuBoard());
        processor.init(context);
        return processor;
    }

    /** Runs the wall-clock tick {@code after} the start. */
    private void rankAt(Duration after) {
        context.setCurrentSystemTimeMs(after.toMillis());
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(after.toMillis());
    }

    private Map<String, FsuTally> latest() {
        Map<String, FsuTally> latest = new HashMap<>();
        context.forwarded().forEach(forwarded -> latest.put(forwarded.record().key(), forwarded.record().value()));
        return latest;
    }


    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return ProcessorStores.add(context, name, values);
    }
}
