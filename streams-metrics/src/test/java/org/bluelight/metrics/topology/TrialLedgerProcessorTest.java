package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.trial.Contribution;
import org.bluelight.metrics.trial.ContributionLedger;
import org.bluelight.metrics.trial.CrimeFacts;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.metrics.trial.OccurrenceVersion;
import org.bluelight.metrics.trial.OutcomeClassifier;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.IncidentCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrialLedgerProcessorTest {

    /** Default retention: ledger entries are kept 120 days, swept every 5 days. */
    private static final MetricsSettings SETTINGS = MetricsSettings.defaults();
    private static final Instant FIRST = Instant.parse("2024-05-01T12:00:00Z");
    private static final String INCIDENTS = "cad.incidents-0";
    private static final String CRIMES = "crime.records-1";

    private MockProcessorContext<String, HotSpotDayChange> context;
    private KeyValueStore<String, ContributionLedger.Entry> ledger;
    private KeyValueStore<String, String> listed;

    @BeforeEach
    void stores() {
        context = ProcessorStores.context("trial-ledger-test");
        ledger = ProcessorStores.add(context, MetricsTopology.TRIAL_LEDGER_STORE, JsonSerde.of(ContributionLedger.Entry.class));
        ProcessorStores.add(context, MetricsTopology.TRIAL_SOURCES_STORE, Serdes.Long());
        listed = ProcessorStores.add(context, MetricsTopology.TRIAL_LEDGER_TIMES_STORE, Serdes.String());
    }

    @Test
    void anInputPartitionFarBehindHoldsThePurgeBackSoACrimeReadLateStillReplacesItsIncident() {
        TrialLedgerProcessor processor = started();
        processor.process(incident("I1", FIRST));
        processor.process(crime("C0", null, FIRST, CRIMES));

        // The incidents' partition runs 200 days ahead (stream time), the crimes' is still at the first day.
        processor.process(incident("I2", FIRST.plus(Duration.ofDays(200))));
        assertThat(ledger.get("incident:I1")).as("the crimes' partition has not passed I1's retention").isNotNull();

        context.resetForwards();
        processor.process(crime("C1", "I1", FIRST.plus(Duration.ofDays(1)), CRIMES));
        assertThat(signs()).as("I1 withdrawn, C1 counted: the occurrence still counts once")
                .containsExactlyInAnyOrder(-1, +1);

        processor.process(crime("C2", null, FIRST.plus(Duration.ofDays(200)), CRIMES));
        assertThat(ledger.get("incident:I1")).as("every partition is past it now").isNull();
        assertThat(ledger.get("crime:C1")).isNull();
        assertThat(ledger.get("incident:I2")).isNotNull();
    }

    @Test
    void purgesOnceEveryInputPartitionIsPastAnEntrysRetention() {
        TrialLedgerProcessor processor = started();
        processor.process(incident("I1", FIRST));
        processor.process(incident("I2", FIRST.plus(Duration.ofDays(100))));
        assertThat(ledger.get("incident:I1")).isNotNull();

        processor.process(incident("I3", FIRST.plus(Duration.ofDays(126))));

        assertThat(ledger.get("incident:I1")).as("its trial day ended more than 120 days before").isNull();
        assertThat(ledger.get("incident:I2")).isNotNull();
        assertThat(ledger.get("incident:I3")).isNotNull();
        assertThat(listedKeys()).as("each entry listed once, by the time it is kept until").containsExactly("incident:I2", "incident:I3");
    }

    @Test
    void entriesWrittenBeforeTheListAreListedAtStartAndPurged() {
        ledger.put("incident:I1", new ContributionLedger.Entry(inHotSpot(FIRST), false, FIRST));
        TrialLedgerProcessor processor = started();
        assertThat(listedKeys()).containsExactly("incident:I1");

        processor.process(incident("I2", FIRST.plus(Duration.ofDays(126))));

        assertThat(ledger.get("incident:I1")).isNull();
        assertThat(listedKeys()).containsExactly("incident:I2");
    }

    @Test
    void anEntryChangedLaterIsListedAtItsNewTimeOnly() {
        TrialLedgerProcessor processor = started();
        processor.process(incident("I1", FIRST));
        // A late correction 100 days on keeps I1's entry 100 days longer.
        processor.process(incident("I1", FIRST.plus(Duration.ofDays(100))));
        processor.process(incident("I2", FIRST.plus(Duration.ofDays(126))));

        assertThat(ledger.get("incident:I1")).isNotNull();
        assertThat(listedKeys()).containsExactly("incident:I1", "incident:I2");

        processor.process(incident("I3", FIRST.plus(Duration.ofDays(226))));
        assertThat(ledger.get("incident:I1")).isNull();
    }

    @Test
    void aRestartedTaskStillWaitsForAPartitionItSawBefore() {
        TrialLedgerProcessor before = started();
        before.process(incident("I1", FIRST));
        before.process(crime("C0", null, FIRST, CRIMES));

        TrialLedgerProcessor after = started();
        after.process(incident("I2", FIRST.plus(Duration.ofDays(200))));

        assertThat(ledger.get("incident:I1")).isNotNull();
    }

    @Test
    void versionsWithoutAnInputPartitionMoveNoWatermark() {
        TrialLedgerProcessor processor = started();
        processor.process(incident("I1", FIRST));
        processor.process(crime("C0", null, FIRST, CRIMES));

        processor.process(crime("C9", null, FIRST.plus(Duration.ofDays(200)), null));
        processor.process(incident("I2", FIRST.plus(Duration.ofDays(200))));

        assertThat(ledger.get("incident:I1")).isNotNull();
        assertThat(ledger.get("crime:C9")).as("still counted").isNotNull();
    }

    private TrialLedgerProcessor started() {
        TrialLedgerProcessor processor = new TrialLedgerProcessor(SETTINGS);
        processor.init(context);
        return processor;
    }

    private List<String> listedKeys() {
        List<String> keys = new java.util.ArrayList<>();
        try (var all = listed.all()) {
            all.forEachRemaining(entry -> keys.add(entry.value));
        }
        return keys;
    }

    private List<Integer> signs() {
        return context.forwarded().stream()
                .map(forward -> forward.record().value().countChanges().values().iterator().next())
                .toList();
    }

    private static Contribution inHotSpot(Instant at) {
        return new Contribution(List.of("HS1"), LocalDate.ofInstant(at, ZoneOffset.UTC),
                OutcomeClassifier.classify(new CrimeFacts(IncidentCategory.THEFT, true, false, false, false)));
    }

    private static Record<String, OccurrenceVersion> incident(String id, Instant at) {
        return new Record<>(id, new OccurrenceVersion(false, id, id, inHotSpot(at), at).from(INCIDENTS), at.toEpochMilli());
    }

    private static Record<String, OccurrenceVersion> crime(String id, String incidentId, Instant at, String partition) {
        OccurrenceVersion version = new OccurrenceVersion(true, id, incidentId, inHotSpot(at), at).from(partition);
        return new Record<>(version.occurrenceKey(), version, at.toEpochMilli());
    }
}
