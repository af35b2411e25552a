package org.bluelight.metrics.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.FsuBoard;
import org.bluelight.metrics.fsu.FsuPublisher;
import org.bluelight.metrics.fsu.LedgerTotals;
import org.bluelight.metrics.fsu.PersonActivity;
import org.bluelight.metrics.fsu.PersonLedger;
import org.bluelight.metrics.fsu.PersonUpdate;
import org.bluelight.metrics.fsu.RankingSchedule;
import org.bluelight.schemas.FsuTally;

/**
 * Everyone's {@link PersonLedger}, in one partition, one entry per person and source
 * ({@value MetricsTopology#FSU_ACTIVITIES_STORE}, keyed so that a person's entries are adjacent):
 * an update reads and writes its one entry, where reading and rewriting the whole ledger (hundreds
 * of entries for a frequent service user) was a replay's largest cost. Everyone's totals are kept
 * as their entries change ({@link LedgerTotals}, read from the entries at start), so an
 * {@link FsuPublisher} run (as of stream time) ranks them reading only the ledgers it must age
 * (an entry older than the 12 months, or newer than stream time) or whose home area's entry went;
 * reading every entry at every run grew with the ledgers to most of a replay's work. This deletes
 * the entries that aged out, forwards
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
    /** Everyone's totals, kept as their entries change; read from the entries at start. */
    private final Map<String, LedgerTotals> people = new HashMap<>();

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
        people.clear();
        try (KeyValueIterator<String, PersonActivity> all = activities.all()) {
            all.forEachRemaining(entry -> people.computeIfAbsent(personOf(entry.key), person -> new LedgerTotals()).add(entry.value));
        }
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
        PersonActivity before = activities.get(key);
        PersonActivity after = update.activity() == null ? null : update.activity().over(before);
        if (after == null) {
            activities.delete(key);
        } else {
            activities.put(key, after);
        }
        LedgerTotals totals = people.computeIfAbsent(update.personId(), person -> new LedgerTotals());
        if (before != null) {
            totals.remove(before);
        }
        if (after != null) {
            totals.add(after);
        }
        if (totals.isEmpty()) {
            people.remove(update.personId());
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
        Map<String, PersonLedger> readAgain = new HashMap<>();
        people.forEach((person, totals) -> {
            if (totals.answersFor(run.windowStart(), run.asOf())) {
                run.count(person, totals.totals(run.asOf()));
            } else {
                readAgain.put(person, age(run, person, ledgerOf(person), agedOut));
            }
        });
        readAgain.forEach((person, kept) -> {
            if (kept == null) {
                people.remove(person);
            } else {
                people.put(person, LedgerTotals.of(kept.activities().values()));
            }
        });
        agedOut.forEach(activities::delete);
        FsuPublisher.Published published = run.finish();
        published.publications().forEach(publication ->
                context.forward(new Record<>(publication.personId(), publication.tally(), streamTime)));
        lists.put(LATEST, published.board());
        board.publish(published.board());
    }

    /** One person's entries, read from the store. */
    private PersonLedger ledgerOf(String person) {
        String prefix = entryKey(person, "");
        Map<String, PersonActivity> entries = new HashMap<>();
        try (KeyValueIterator<String, PersonActivity> stored = activities.prefixScan(prefix, new StringSerializer())) {
            stored.forEachRemaining(entry -> entries.put(entry.key.substring(prefix.length()), entry.value));
        }
        return new PersonLedger(entries);
    }

    /** Hands one person's ledger to the run, notes the keys of the entries that aged out and returns what is kept (null: nothing). */
    private static PersonLedger age(FsuPublisher.Run run, String person, PersonLedger ledger, List<String> agedOut) {
        PersonLedger kept = run.age(person, ledger);
        if (kept != ledger) {
            ledger.activities().keySet().stream()
                    .filter(source -> kept == null || !kept.activities().containsKey(source))
                    .forEach(source -> agedOut.add(entryKey(person, source)));
        }
        return kept;
    }
}
