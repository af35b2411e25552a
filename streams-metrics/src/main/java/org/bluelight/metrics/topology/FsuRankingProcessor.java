package org.bluelight.metrics.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuPublisher;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.schemas.FsuTally;

/**
 * Everyone's {@link PersonLedger} ({@value MetricsTopology#PEOPLE_STORE}), in one partition. On the
 * ranking schedule (wall clock, as of stream time) an {@link FsuPublisher} run ages and ranks them;
 * this writes back the aged ledgers, forwards the tallies it publishes and refreshes the board.
 */
final class FsuRankingProcessor implements Processor<String, PersonUpdate, String, FsuTally> {

    private final MetricsSettings settings;
    private final FsuBoard board;
    private final FsuPublisher publisher;
    private ProcessorContext<String, FsuTally> context;
    private KeyValueStore<String, PersonLedger> people;

    FsuRankingProcessor(MetricsSettings settings, FsuBoard board) {
        this.settings = settings;
        this.board = board;
        this.publisher = new FsuPublisher(settings.trialClock().zone(), settings.ranking());
    }

    @Override
    public void init(ProcessorContext<String, FsuTally> context) {
        this.context = context;
        people = context.getStateStore(MetricsTopology.PEOPLE_STORE);
        context.schedule(settings.rankingInterval(), PunctuationType.WALL_CLOCK_TIME, now -> rank());
    }

    @Override
    public void process(Record<String, PersonUpdate> record) {
        PersonUpdate update = record.value();
        PersonLedger ledger = people.get(update.personId());
        ledger = ledger == null ? PersonLedger.empty() : ledger;
        ledger = update.activity() == null ? ledger.without(update.ledgerKey()) : ledger.with(update.ledgerKey(), update.activity());
        people.put(update.personId(), ledger);
    }

    private void rank() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return; // nothing seen yet
        }
        FsuPublisher.Run run = publisher.run(Instant.ofEpochMilli(streamTime));
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, PersonLedger> all = people.all()) {
            all.forEachRemaining(entry -> {
                PersonLedger kept = run.age(entry.key, entry.value);
                if (kept == null) {
                    gone.add(entry.key);
                } else if (kept != entry.value) {
                    people.put(entry.key, kept);
                }
            });
        }
        gone.forEach(people::delete);
        FsuPublisher.Published published = run.finish();
        published.publications().forEach(publication ->
                context.forward(new Record<>(publication.personId(), publication.tally(), streamTime)));
        board.publish(published.board());
    }
}
