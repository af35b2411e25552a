package org.bluelight.console.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.console.view.AnalystView;
import org.bluelight.console.view.ConsoleView;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.intake.RecordCheck;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topics the console shows into its {@link ConsoleView} (and the analysts' topics into
 * the {@link AnalystView}): its own consumer (no group:
 * every instance reads every partition), read_committed, compacted topics from the beginning and
 * the others from {@code history} ago ({@code positionHistory} for telematics), so a restarted
 * console rebuilds the whole view. A record that cannot be decoded is logged and counted in
 * {@code bluelight_console_bad_records_total}; the apps that own these topics dead-letter bad
 * input, so the console skips it.
 */
public final class TopicFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final Map<String, Duration> lookBack = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> startEnds = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Clock clock;
    private final Counter badRecords;
    private final MeterRegistry meters;
    private Thread thread;
    private volatile boolean running = true;

    private interface Handler {
        void handle(ConsumerRecord<byte[], byte[]> record);
    }

    public TopicFeed(Map<String, Object> consumerSettings, AppSerdes serdes, ConsoleView view, AnalystView analysts,
                     Duration history, Duration positionHistory, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
        Properties props = new Properties();
        props.putAll(consumerSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        badRecords = Counter.builder("bluelight.console.bad.records").description("Records the console could not decode")
                .register(meters);

        on(Topic.INCIDENTS, serdes, history, view::incident);
        on(Topic.ASSIGNMENTS, serdes, history, view::assignment);
        on(Topic.RECOMMENDATIONS, serdes, history, view::recommendation);
        on(Topic.OFFICER_STATUS, serdes, history, view::unit);
        on(Topic.TELEMATICS, serdes, positionHistory, view::position);
        on(Topic.BACKLOG, serdes, null, view::backlog);
        on(Topic.COVERAGE_CELLS, serdes, null, view::cell);
        on(Topic.OFFICER_IMPACT, serdes, null, view::impact);
        on(Topic.MOVEUPS, serdes, null, view::moveUp);
        on(Topic.PATROL_TASKS, serdes, null, view::patrolTask);
        Deserializer<org.bluelight.schemas.ResponseKpi> kpis = serdes.valueSerde(Topic.RESPONSE_KPIS).deserializer();
        handlers.put(Topic.RESPONSE_KPIS.topicName(), record -> view.kpi(
                record.value() == null ? null : kpis.deserialize(record.topic(), record.headers(), record.value())));
        lookBack.put(Topic.RESPONSE_KPIS.topicName(), Duration.ofDays(2));
        Deserializer<org.bluelight.schemas.HotSpotDay> trial = serdes.valueSerde(Topic.HOTSPOT_TRIAL).deserializer();
        handlers.put(Topic.HOTSPOT_TRIAL.topicName(), record -> analysts.trialDay(
                record.value() == null ? null : trial.deserialize(record.topic(), record.headers(), record.value())));
        on(Topic.FSU, serdes, null, analysts::tally);
    }

    private <V extends org.apache.avro.specific.SpecificRecord> void on(
            Topic<String, V> topic, AppSerdes serdes, Duration history, KeyedSink<V> sink) {
        Deserializer<V> values = serdes.valueSerde(topic).deserializer();
        handlers.put(topic.topicName(), record -> {
            if (record.key() == null) {
                throw new InvalidRecordException(RecordCheck.NULL_KEY, "no key, so it names nothing to show");
            }
            if (record.value() == null && !topic.compacted()) {
                throw new InvalidRecordException(RecordCheck.TOMBSTONE, "no value, on a topic where deleting means nothing");
            }
            sink.accept(new String(record.key(), StandardCharsets.UTF_8),
                    record.value() == null ? null : values.deserialize(record.topic(), record.headers(), record.value()));
        });
        if (history != null) {
            lookBack.put(topic.topicName(), history);
        }
    }

    @FunctionalInterface
    private interface KeyedSink<V> {
        void accept(String key, V value);
    }

    /** Assigns every partition, seeks, and reads on a thread of its own until {@link #close()}. */
    public void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : handlers.keySet()) {
            try {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            } catch (TopicAuthorizationException e) {
                // On a secured cluster the console may not read everything (frequent-service users are for analysts).
                LOG.warn("The console's Kafka user may not read {}: its view stays empty", topic);
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> since = new HashMap<>();
        long now = clock.millis();
        for (TopicPartition partition : partitions) {
            Duration back = lookBack.get(partition.topic());
            if (back != null) {
                since.put(partition, now - back.toMillis());
            }
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since, Duration.ofSeconds(30));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        since.keySet().forEach(partition -> {
            OffsetAndTimestamp offset = offsets.get(partition);
            consumer.seek(partition, offset == null ? ends.get(partition) : offset.offset());
        });
        startEnds.putAll(ends);
        meters.gauge("bluelight.console.lagging.partitions", positions, p -> lagging());
        thread = new Thread(this::run, "console-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    try {
                        handlers.get(record.topic()).handle(record);
                    } catch (RuntimeException e) {
                        badRecords.increment();
                        LOG.warn("Skipping a record the console cannot read: {}-{}@{}: {}", record.topic(),
                                record.partition(), record.offset(),
                                e instanceof InvalidRecordException invalid ? invalid.reason() + ": " + e.getMessage() : e.toString());
                    }
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition, consumer.position(partition));
                }
                if (caughtUp.getCount() > 0 && lagging() == 0) {
                    LOG.info("Console view rebuilt from the topics");
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("The console feed stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Partitions not yet read up to where they ended when the console started. */
    private int lagging() {
        int lagging = 0;
        for (Map.Entry<TopicPartition, Long> end : startEnds.entrySet()) {
            if (positions.getOrDefault(end.getKey(), -1L) < end.getValue()) {
                lagging++;
            }
        }
        return lagging;
    }

    /** True once everything that was on the topics at start has been read. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean alive() {
        return thread != null && thread.isAlive();
    }

    /** Whether the view holds everything of {@code partition} before {@code offset}. */
    public boolean hasRead(TopicPartition partition, long offset) {
        return positions.getOrDefault(partition, -1L) >= offset;
    }

    @Override
    public void close() {
        running = false;
        if (thread == null) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** For error messages: what the feed reads. */
    @Override
    public String toString() {
        return "TopicFeed" + Objects.toString(handlers.keySet());
    }
}
