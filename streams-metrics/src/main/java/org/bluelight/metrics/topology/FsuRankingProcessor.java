package org.bluelight.metrics.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuPublisher;
import org.bluelight.metrics.fsu.PersonActivity;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.metrics.fsu.RankingSchedule;
import org.bluelight.schemas.FsuTally;

/**
 * Everyone's {@link PersonLedger}, in one partition, one entry per person and source
 * ({@value MetricsTopology#FSU_ACTIVITIES_STORE}, keyed so that a person's entries are adjacent):
 * an update reads and writes its one entry, where reading and rewriting the whole ledger (hundreds
 * of entries for a frequent service user) was a replay's largest cost. An {@link FsuPublisher} run
 * ages and ranks the ledgers (as of stream time); this deletes the entries that aged out, forwards
 * the tallies it publishes, and keeps the top lists in {@value MetricsTopology#FSU_BOARD_STORE}
 * and on the board. Whole ledgers stored by earlier versions ({@value MetricsTopology#PEOPLE_STORE})
 * are moved to the entries at start.
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
    private KeyValueStore<String, PersonActivity> activities;
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
        activities = context.getStateStore(MetricsTopology.FSU_ACTIVITIES_STORE);
        lists = context.getStateStore(MetricsTopology.FSU_BOARD_STORE);
        moveLedgersStoredWhole(context.getStateStore(MetricsTopology.PEOPLE_STORE));
        FsuBoard.Snapshot stored = lists.get(LATEST);
        if (stored != null) {
            board.publish(stored);
        }
        context.schedule(TICK, PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    private void moveLedgersStoredWhole(KeyValueStore<String, PersonLedger> ledgers) {
        List<KeyValue<String, PersonLedger>> whole = new ArrayList<>();
        try (KeyValueIterator<String, PersonLedger> all = ledgers.all()) {
            all.forEachRemaining(whole::add);
        }
        whole.forEach(entry -> {
            entry.value.activities().forEach((source, activity) -> activities.put(entryKey(entry.key, source), activity));
            ledgers.delete(entry.key);
        });
    }

    @Override
    public void process(Record<String, PersonUpdate> record) {
        PersonUpdate update = record.value();
        String key = entryKey(update.personId(), update.ledgerKey());
        if (update.activity() == null) {
            activities.delete(key);
        } else {
            activities.put(key, update.activity().over(activities.get(key)));
        }
        schedule.updated(context.currentSystemTimeMs());
    }

    /**
     * A person's entry for one source: the person id's length first, so that every key of a person, and no
     * other person's, starts with the same text, and the store's order keeps a person's entries together.
     */
    static String entryKey(String personId, String ledgerKey) {
        return personId.length() + ":" + personId + ledgerKey;
    }

    /** The person of an {@link #entryKey}. */
    static String personOf(String entryKey) {
        int colon = entryKey.indexOf(':');
        return entryKey.substring(colon + 1, colon + 1 + Integer.parseInt(entryKey.substring(0, colon)));
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
        List<String> agedOut = new ArrayList<>();
        try (KeyValueIterator<String, PersonActivity> all = activities.all()) {
            String person = null;
            String prefix = null;
            Map<String, PersonActivity> ledger = new HashMap<>();
            while (all.hasNext()) {
                KeyValue<String, PersonActivity> entry = all.next();
                // Entries of the person before share the prefix: only a new person's key is parsed.
                if (prefix == null || !entry.key.startsWith(prefix)) {
                    age(run, person, ledger, agedOut);
                    person = personOf(entry.key);
                    prefix = entryKey(person, "");
                    ledger = new HashMap<>();
                }
                ledger.put(entry.key.substring(prefix.length()), entry.value);
            }
            age(run, person, ledger, agedOut);
        }
        agedOut.forEach(activities::delete);
        FsuPublisher.Published published = run.finish();
        published.publications().forEach(publication ->
                context.forward(new Record<>(publication.personId(), publication.tally(), streamTime)));
        lists.put(LATEST, published.board());
        board.publish(published.board());
    }

    /** Hands one person's ledger to the run and notes the keys of the entries that aged out. */
    private static void age(FsuPublisher.Run run, String person, Map<String, PersonActivity> entries, List<String> agedOut) {
        if (person == null) {
            return;
        }
        PersonLedger ledger = new PersonLedger(entries);
        PersonLedger kept = run.age(person, ledger);
        if (kept != ledger) {
            ledger.activities().keySet().stream()
                    .filter(source -> kept == null || !kept.activities().containsKey(source))
                    .forEach(source -> agedOut.add(entryKey(person, source)));
        }
    }
}
