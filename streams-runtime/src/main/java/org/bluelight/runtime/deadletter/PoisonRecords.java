package org.bluelight.runtime.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records that failed their task without reaching a dead letter, counted by position (topic,
 * partition, offset) in a small file of the app's state directory ({@code <state.dir>/<application.id>.attempts}).
 *
 * <p>A record that kills its stream thread (an {@link Error} such as a {@link StackOverflowError},
 * which the processing exception handler never sees) or whose processing outlasts the transaction
 * timeout makes its task fail: under exactly-once its transaction is aborted, its state restored, and
 * the same record read again, for ever. Such a failure is noted here as it happens, outside the
 * transaction that is about to be aborted (a changelogged store would lose the count with it) and in a
 * file, so the count survives the thread's death and the app's restart on the same state directory;
 * once a record has failed {@code maxAttempts} times, {@link PoisonRecordGuard} dead-letters it with
 * reason {@value #REASON} instead of processing it, and its partition moves on.
 *
 * <p>Kept small: at most {@value #MAX_RECORDS} positions, the oldest forgotten first, and none older
 * than {@link #RETENTION}. Another instance that takes the task over counts afresh, so a record is
 * tried at most {@code maxAttempts} times on each instance.
 */
public final class PoisonRecords {

    /** Streams configuration key holding the app's {@code PoisonRecords}, where the guard finds it. */
    public static final String CONFIG_KEY = "bluelight.poison.records";
    /** The dead-letter reason of a record given up on after failing its task again and again. */
    public static final String REASON = "poison-record";
    static final int MAX_RECORDS = 1_000;
    /** Positions not failed for this long are forgotten (a topic deleted and made again reuses offsets). */
    static final Duration RETENTION = Duration.ofDays(7);
    private static final int MAX_FAILURE_CHARS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PoisonRecords.class);

    /** Where a record was read: its task's input topic, partition and offset. */
    public record Position(String topic, int partition, long offset) {
        public Position {
            Objects.requireNonNull(topic, "topic");
        }

        static Optional<Position> of(Optional<RecordMetadata> metadata) {
            return metadata.filter(m -> m.topic() != null && m.offset() >= 0)
                    .map(m -> new Position(m.topic(), m.partition(), m.offset()));
        }

        @Override
        public String toString() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** How often a record failed its task, when last and how. */
    public record Failures(int attempts, Instant lastAt, String lastFailure) {
    }

    private final Path file;
    private final String applicationId;
    private final int maxAttempts;
    private final Duration slowRecord;
    private final Clock clock;
    private final LinkedHashMap<Position, Failures> failures = new LinkedHashMap<>();
    /** How deep in the topology each stream thread is: only the first processor a record reaches guards it. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * @param maxAttempts how many failures of its task a record is given; at least 1
     * @param slowRecord  a record whose processing alone takes longer has failed its task (its transaction
     *                    times out); zero when nothing times out (at-least-once)
     */
    public PoisonRecords(Path stateDir, String applicationId, int maxAttempts, Duration slowRecord, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.file = stateDir.resolve(applicationId + ".attempts");
        this.maxAttempts = maxAttempts;
        this.slowRecord = Objects.requireNonNull(slowRecord, "slowRecord");
        this.clock = Objects.requireNonNull(clock, "clock");
        load();
    }

    /** The app's ledger put into a streams configuration by {@link #addTo}, if any. */
    public static Optional<PoisonRecords> from(Map<String, ?> configs) {
        return configs.get(CONFIG_KEY) instanceof PoisonRecords records ? Optional.of(records) : Optional.empty();
    }

    /** Makes this ledger available to the {@link PoisonRecordGuard}s of the topology run with {@code properties}. */
    public Properties addTo(Properties properties) {
        properties.put(CONFIG_KEY, this);
        return properties;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration slowRecord() {
        return slowRecord;
    }

    /** The failures of the record at {@code position} so far, if any. */
    public synchronized Optional<Failures> failures(Position position) {
        return Optional.ofNullable(failures.get(position));
    }

    /** Whether the record at {@code position} has failed its task often enough to be dead-lettered. */
    public synchronized boolean givenUp(Position position) {
        Failures known = failures.get(position);
        return known != null && known.attempts() >= maxAttempts;
    }

    /** Notes that the record at {@code position} failed its task ({@code failure} says how); returns its failures so far. */
    public synchronized int failed(Position position, String failure) {
        Failures before = failures.remove(position);
        int attempts = before == null ? 1 : before.attempts() + 1;
        failures.put(position, new Failures(attempts, clock.instant(), oneLine(failure)));
        Iterator<Position> oldest = failures.keySet().iterator();
        while (failures.size() > MAX_RECORDS) {
            oldest.next();
            oldest.remove();
        }
        save();
        LOG.error("{}: the record at {} failed its task ({} of {} attempts{}): {}", applicationId, position, attempts,
                maxAttempts, attempts >= maxAttempts ? "; it is dead-lettered as " + REASON + " when read again" : "",
                oneLine(failure));
        return attempts;
    }

    /** Enters a processor on this thread; true when it is the first one of the record (the outermost call). */
    boolean enter() {
        return depth.get()[0]++ == 0;
    }

    void leave() {
        depth.get()[0]--;
    }

    private static String oneLine(String failure) {
        String line = failure.replaceAll("[\\t\\r\\n]+", " ");
        return line.length() <= MAX_FAILURE_CHARS ? line : line.substring(0, MAX_FAILURE_CHARS);
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Instant oldest = clock.instant().minus(RETENTION);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 6);
                if (fields.length < 6) {
                    continue;
                }
                try {
                    Failures known = new Failures(Integer.parseInt(fields[3]), Instant.ofEpochMilli(Long.parseLong(fields[4])), fields[5]);
                    if (known.lastAt().isAfter(oldest)) {
                        failures.put(new Position(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2])), known);
                    }
                } catch (NumberFormatException | java.time.DateTimeException unreadable) {
                    LOG.warn("{}: ignored an unreadable line of {}", applicationId, file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not read {}, counting failed records afresh: {}", applicationId, file, e.toString());
        }
    }

    /** Rewritten whole (it is small) and moved into place, so a crash leaves the old or the new file. */
    private void save() {
        List<String> lines = new ArrayList<>(failures.size());
        failures.forEach((position, known) -> lines.add(String.join("\t", position.topic(), Integer.toString(position.partition()),
                Long.toString(position.offset()), Integer.toString(known.attempts()), Long.toString(known.lastAt().toEpochMilli()),
                known.lastFailure())));
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not write {}; failed records are counted in memory only: {}", applicationId, file, e.toString());
        }
    }
}
