package org.bluelight.runtime.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaClientSupplier;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an app's bad records go: counts each in {@value #COUNTER} (tags {@code topic}, {@code
 * reason}, {@code stage}), logs it without its content, and builds the record for
 * {@code <source topic>.dlq} (or the app's fallback {@code <application.id>.dlq}, see
 * {@link DeadLetter#deadLetterTopic}) that the exception handlers hand back to Kafka Streams
 * (KIP-1034), which writes it with the task's producer, so under exactly-once in the same
 * transaction. Letters are cut to fit the producer's {@code max.request.size} ({@link LetterSize}).
 *
 * <p>A letter is counted when it is written for good: with the {@link #kafkaClients()}
 * clients (which {@code StreamsApp} runs Kafka Streams with), by the producer once the transaction
 * holding it commits (or, without transactions, once the broker has it), so an aborted
 * transaction never counts a letter that no read_committed reader will see. Otherwise (a
 * {@code TopologyTestDriver}, which has no transactions to abort) when it is handed back.
 * Records given up on without a letter are counted at once.
 *
 * <p>Kafka Streams creates the handlers by class name, so the running app's queue reaches them
 * through the streams configuration under {@value #CONFIG_KEY} ({@link #addTo}).
 */
public final class DeadLetterQueue {

    /** Streams configuration key holding the app's {@code DeadLetterQueue} instance. */
    public static final String CONFIG_KEY = "bluelight.dead.letter.queue";
    /** Micrometer name of the dead-letter counter; Prometheus shows {@code bluelight_dead_letters_total}. */
    public static final String COUNTER = "bluelight.dead.letters";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);

    private final String applicationId;
    private final boolean enabled;
    private final MeterRegistry meterRegistry;
    private volatile int maxLetterBytes = LetterSize.maxLetterBytes(Map.of());
    private volatile boolean countedByProducer;

    /**
     * @param enabled when false, bad records are still counted and logged, then skipped, with
     *                nothing written to a dead-letter topic
     */
    public DeadLetterQueue(String applicationId, boolean enabled, MeterRegistry meterRegistry) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.enabled = enabled;
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    /** The queue put into a streams configuration by {@link #addTo}. */
    public static DeadLetterQueue from(Map<String, ?> configs) {
        Object queue = configs.get(CONFIG_KEY);
        if (queue instanceof DeadLetterQueue deadLetterQueue) {
            return deadLetterQueue;
        }
        throw new ConfigException(CONFIG_KEY, queue,
                "The dead-letter exception handlers need the app's DeadLetterQueue in the streams configuration "
                        + "(StreamsApp adds it; elsewhere call DeadLetterQueue.addTo(properties))");
    }

    /**
     * Makes this queue available to the dead-letter exception handlers configured from {@code
     * properties}, and fits its letters to the producer's {@code max.request.size} there.
     */
    public Properties addTo(Properties properties) {
        maxLetterBytes = LetterSize.maxLetterBytes(properties);
        properties.put(CONFIG_KEY, this);
        return properties;
    }

    /**
     * The Kafka clients to run this app's Kafka Streams with ({@link DeadLetterClients}): their
     * producers refuse records too large to send without spoiling the transaction, and count the
     * letters they write once written for good; from now on {@link #divert} leaves counting to them.
     */
    public KafkaClientSupplier kafkaClients() {
        countedByProducer = true;
        return new DeadLetterClients(this);
    }

    /** Logs {@code letter} (and counts it, unless its producer will); returns the dead-letter record to write, or none when disabled. */
    public List<ProducerRecord<byte[], byte[]>> divert(DeadLetter letter) {
        if (!enabled || !countedByProducer) {
            count(letter.sourceTopic(), letter.reason(), letter.stage().label());
        }
        LOG.warn("Dead letter from {}-{}@{}{} at {} stage: {} ({}){}", letter.sourceTopic(), letter.partition(),
                letter.offset(), letter.bytesFrom().map(topic -> " via " + topic).orElse(""), letter.stage().label(),
                letter.reason(), LetterSize.cut(letter.message(), LetterSize.MAX_MESSAGE_CHARS),
                enabled ? " -> " + letter.deadLetterTopic(applicationId) : ", dead-letter topics are disabled: skipped");
        return enabled ? List.of(letter.toProducerRecord(applicationId, maxLetterBytes)) : List.of();
    }

    /**
     * As {@link #divert}, for a letter the caller writes with a producer of its own, outside Kafka
     * Streams (a global store's thread cannot send dead letters): counted now, at least once.
     */
    public List<ProducerRecord<byte[], byte[]>> divertOutsideStreams(DeadLetter letter) {
        List<ProducerRecord<byte[], byte[]>> records = divert(letter);
        if (enabled && countedByProducer) {
            count(letter.sourceTopic(), letter.reason(), letter.stage().label());
        }
        return records;
    }

    /**
     * Counts and logs {@code letter} where no dead-letter record can be written ({@code why}): Kafka
     * Streams cannot send dead letters from a global store's thread, and a record made by a
     * punctuation has no source record. The record is skipped.
     */
    public List<ProducerRecord<byte[], byte[]>> skip(DeadLetter letter, String why) {
        count(letter.sourceTopic(), letter.reason(), letter.stage().label());
        LOG.error("Record from {}-{}@{} given up at {} stage and skipped, {}: {} ({})", letter.sourceTopic(),
                letter.partition(), letter.offset(), letter.stage().label(), why, letter.reason(),
                LetterSize.cut(letter.message(), LetterSize.MAX_MESSAGE_CHARS));
        return List.of();
    }

    /**
     * Counts and logs a dead letter that could not be written. It is not dead-lettered again: a
     * dead-letter topic never has one of its own.
     */
    List<ProducerRecord<byte[], byte[]>> notWritten(ProducerRecord<byte[], byte[]> letter, Exception exception) {
        Headers headers = letter.headers();
        String source = DeadLetterHeaders.text(headers, DeadLetterHeaders.TOPIC).orElse(DeadLetter.UNKNOWN_SOURCE);
        count(source, FailureReason.DEAD_LETTER_NOT_WRITTEN, Stage.PRODUCTION.label());
        LOG.error("Dead letter for {}-{}@{} ({}) could not be written to {} and is dropped: {}", source,
                DeadLetterHeaders.text(headers, DeadLetterHeaders.PARTITION).orElse("?"),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.OFFSET).orElse("?"),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.REASON).orElse("?"), letter.topic(), exception.toString());
        return List.of();
    }

    /**
     * Counts and logs a failure of the dead-letter path itself on a record read from {@code topic},
     * which is then skipped: a handler that threw would kill the stream thread.
     */
    List<ProducerRecord<byte[], byte[]>> failed(String topic, Stage stage, Exception original, RuntimeException failure) {
        String source = topic != null ? topic : DeadLetter.UNKNOWN_SOURCE;
        try {
            count(source, FailureReason.DEAD_LETTER_FAILED, stage.label());
        } finally {
            LOG.error("Could not dead-letter a record from {} at {} stage (it failed with {}); skipped", source,
                    stage.label(), original, failure);
        }
        return List.of();
    }

    /** Whether the failure happened on the global thread, which cannot send dead letters (Kafka Streams 4.3). */
    static boolean onGlobalThread(ErrorHandlerContext context) {
        return context.taskId() != null && context.taskId().subtopology() < 0;
    }

    public String applicationId() {
        return applicationId;
    }

    public boolean enabled() {
        return enabled;
    }

    void count(String topic, String reason, String stage) {
        Counter.builder(COUNTER)
                .description("Records given up on and sent to a dead-letter topic (or skipped when those are disabled)")
                .tag("topic", topic)
                .tag("reason", reason)
                .tag("stage", stage)
                .register(meterRegistry)
                .increment();
    }
}
