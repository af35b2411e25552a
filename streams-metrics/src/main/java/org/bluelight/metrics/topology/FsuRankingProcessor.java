package org.bluelight.metrics.topology;

import java.time.Duration;
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
import org.bluelight.metrics.fsu.RankingSchedule;
import org.bluelight.schemas.FsuTally;

/**
 * Everyone's {@link PersonLedger} ({@value MetricsTopology#PEOPLE_STORE}), in one partition. An
 * {@link FsuPublisher} run ages and ranks them (as of stream time); this writes back the aged
 * ledgers, forwards the tallies it publishes, and keeps the top lists in
 * {@value MetricsTopology#FSU_BOARD_STORE} and on the board.
 *
 * <p>When: see {@link RankingSchedule}. A restarted app serves the stored lists at once.
 */
final class FsuRankingProcessor implements Processor<String, PersonUpdate, String, FsuTally> {

    /** How often the schedule is looked at (wall clock). */
    static final Duration TICK = Duration.ofSeconds(1);
    /** No update for this long after a start: the inputs have caught up. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** The first ranking after a start waits no longer than this for quiet. */
    static final Duration FIRST_RANK_LIMIT = Duration.ofSeconds(30);
    private static final String LATEST = "latest";

    private final MetricsSettings settings;
    private final FsuBoard board;
    private final FsuPublisher publisher;
    private ProcessorContext<String, FsuTally> context;
    private KeyValueStore<String, PersonLedger> people;
    private KeyValueStore<String, FsuBoard.Snapshot> lists;
    private final RankingSchedule schedule;

    FsuRankingProcessor(MetricsSettings settings, FsuBoard board) {
        this.settings = settings;
        this.board = board;
        this.publisher = new FsuPublisher(settings.trialClock().zone(), settings.ranking());
        this.schedule = new RankingSchedule(settings.rankingInterval(), QUIET, FIRST_RANK_LIMIT);
    }

    @Override
    public void init(ProcessorContext<String, FsuTally> context) {
        this.context = context;
        people = context.getStateStore(MetricsTopology.PEOPLE_STORE);
        lists = context.getStateStore(MetricsTopology.FSU_BOARD_STORE);
        FsuBoard.Snapshot stored = lists.get(LATEST);
        if (stored != null) {
            board.publish(stored);
        }
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, PersonUpdate> record) {
        PersonUpdate update = record.value();
        PersonLedger ledger = people.get(update.personId());
        ledger = ledger == null ? PersonLedger.empty() : ledger;
        ledger = update.activity() == null ? ledger.without(update.ledgerKey()) : ledger.with(update.ledgerKey(), update.activity());
        people.put(update.personId(), ledger);
        schedule.updated(context.currentSystemTimeMs());
    }

    private void tick(long now) {
        if (schedule.due(now)) {
            rank();
        }
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
        lists.put(LATEST, published.board());
        board.publish(published.board());
    }
}
