package org.bluelight.runtime.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an app's bad records go: counts each in {@value #COUNTER} (tags {@code topic}, {@code
 * reason}, {@code stage}), logs it without its content, and builds the record for
 * {@code <topic>.dlq} that the exception handlers hand back to Kafka Streams (KIP-1034), which
 * writes it with the task's producer, so under exactly-once in the same transaction.
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

    /** Makes this queue available to the dead-letter exception handlers configured from {@code properties}. */
    public Properties addTo(Properties properties) {
        properties.put(CONFIG_KEY, this);
        return properties;
    }

    /** Counts and logs {@code letter}; returns the dead-letter record to write, or none when disabled. */
    public List<ProducerRecord<byte[], byte[]>> divert(DeadLetter letter) {
        counter(letter.sourceTopic(), letter.reason(), letter.stage()).increment();
        LOG.warn("Dead letter from {}-{}@{} at {} stage: {} ({}){}", letter.sourceTopic(), letter.partition(),
                letter.offset(), letter.stage().label(), letter.reason(), letter.message(),
                enabled ? " -> " + letter.deadLetterTopic() : ", dead-letter topics are disabled: skipped");
        return enabled ? List.of(letter.toProducerRecord(applicationId)) : List.of();
    }

    /**
     * Counts and logs {@code letter} where no dead-letter record can be written ({@code why}): Kafka
     * Streams cannot send dead letters from a global store's thread, and a record made by a
     * punctuation has no source record. The record is skipped.
     */
    public List<ProducerRecord<byte[], byte[]>> skip(DeadLetter letter, String why) {
        counter(letter.sourceTopic(), letter.reason(), letter.stage()).increment();
        LOG.error("Record from {}-{}@{} given up at {} stage and skipped, {}: {} ({})", letter.sourceTopic(),
                letter.partition(), letter.offset(), letter.stage().label(), why, letter.reason(), letter.message());
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

    private Counter counter(String topic, String reason, Stage stage) {
        return Counter.builder(COUNTER)
                .description("Records given up on and sent to a dead-letter topic (or skipped when those are disabled)")
                .tag("topic", topic)
                .tag("reason", reason)
                .tag("stage", stage.label())
                .register(meterRegistry);
    }
}
