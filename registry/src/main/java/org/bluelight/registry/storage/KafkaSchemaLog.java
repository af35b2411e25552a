package org.bluelight.registry.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas topic: one partition, compacted, created if missing. A reader thread tails it
 * from the beginning into a {@link SchemaStore}; writers append and wait until the reader has
 * applied their record, so a write is visible in the store when {@link #append} returns.
 */
public final class KafkaSchemaLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final TopicPartition partition;
    private final SchemaStore store;
    private final SchemaLogCodec codec = new SchemaLogCodec();
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long appliedUpTo;
    private volatile boolean running = true;

    private KafkaSchemaLog(String bootstrapServers, Map<String, String> security, String topic, SchemaStore store) {
        this.partition = new TopicPartition(topic, 0);
        this.store = store;
        Properties adminProps = new Properties();
        adminProps.putAll(security);
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, "bluelight-registry-admin");
        this.admin = Admin.create(adminProps);

        Properties producerProps = new Properties();
        producerProps.putAll(security);
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "bluelight-registry-writer");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());

        Properties consumerProps = new Properties();
        consumerProps.putAll(security);
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "bluelight-registry-reader");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        this.reader = new Thread(this::readLoop, "bluelight-registry-log-reader-" + topic);
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic if missing, replays it into the store, and keeps tailing it.
     *
     * @param security {@code security.protocol}, {@code sasl.*} and {@code ssl.*} for a secured cluster; empty otherwise
     *
     * @throws IllegalStateException if Kafka cannot be reached or the topic is unusable in time
     */
    public static KafkaSchemaLog open(String bootstrapServers, Map<String, String> security, String topic, SchemaStore store,
                                      Duration timeout) {
        KafkaSchemaLog log = new KafkaSchemaLog(bootstrapServers, security, topic, store);
        try {
            log.ensureTopic(timeout);
            log.consumer.assign(List.of(log.partition));
            log.consumer.seekToBeginning(List.of(log.partition));
            log.reader.start();
            log.awaitCaughtUp(timeout);
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private void ensureTopic(Duration timeout) {
        String topic = partition.topic();
        NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create schemas topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + topic, e);
        }
        TopicDescription description = describeWhenKnown(topic, timeout);
        if (description.partitions().size() != 1) {
            throw new IllegalStateException("Schemas topic " + topic + " has " + description.partitions().size()
                    + " partitions; it needs exactly one so every server reads the same order");
        }
    }

    /** A topic just created may not be known to every broker yet: ask again until it is. */
    private TopicDescription describeWhenKnown(String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return await(admin.describeTopics(List.of(topic)).allTopicNames(), timeout, "describing topic " + topic)
                        .get(topic);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted describing topic " + topic, interrupted);
                }
            }
        }
    }

    /** Waits until the store has applied every record written before this call. */
    public void awaitCaughtUp(Duration timeout) {
        long end = await(admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition),
                timeout, "reading the end of " + partition.topic()).offset();
        awaitApplied(end, timeout);
    }

    /** Appends the event and waits until the store has applied it (or refused it, for a losing claim). */
    public void append(SchemaLogEvent event, Duration timeout) {
        RecordMetadata written = await(producer.send(
                new ProducerRecord<>(partition.topic(), 0, codec.key(event), codec.value(event))),
                timeout, "writing to " + partition.topic());
        awaitApplied(written.offset() + 1, timeout);
    }

    private void awaitApplied(long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedUpTo < offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !running) {
                    throw new IllegalStateException("Schemas topic " + partition.topic() + " read up to offset "
                            + appliedUpTo + ", not " + offset + ", within " + timeout);
                }
                try {
                    progress.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted waiting for the schemas topic", e);
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (running) {
                try {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        applyRecord(record);
                    }
                    long position = consumer.position(partition);
                    synchronized (progress) {
                        appliedUpTo = position;
                        progress.notifyAll();
                    }
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    // Keep tailing: a broker outage must not stop the registry for good.
                    LOG.warn("Reading schemas topic {} failed, retrying: {}", partition.topic(), e.toString());
                    pause();
                }
            }
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void applyRecord(ConsumerRecord<byte[], byte[]> record) {
        try {
            codec.decode(record.key(), record.value()).ifPresent(event -> {
                if (!store.apply(event)) {
                    LOG.debug("Claim at offset {} lost to an earlier one: {}", record.offset(), event);
                }
            });
        } catch (IllegalArgumentException e) {
            LOG.error("Skipping unreadable record at {} offset {}: {}", partition, record.offset(), e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted " + what, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (reader.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } else {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
