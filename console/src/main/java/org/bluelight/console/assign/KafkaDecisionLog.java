package org.bluelight.console.assign;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.bluelight.console.feed.TopicFeed;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.Topic;

/**
 * cad.assignments, officer.status and cad.task-decisions through one idempotent producer (acks=all, so a retry never duplicates and a
 * write is on every in-sync replica before the dispatcher sees it confirmed). Catching up asks
 * the broker for the last committed offset of the incident's partition and waits for the
 * console's feed to read that far.
 */
public final class KafkaDecisionLog implements AssignmentLog, StatusLog, TaskLog, AutoCloseable {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(5);

    private final KafkaProducer<String, byte[]> producer;
    private final Serializer<Assignment> assignmentValues;
    private final Serializer<OfficerStatus> statusValues;
    private final Serializer<TaskDecision> taskValues;
    private final KafkaConsumer<byte[], byte[]> offsets;
    private final TopicFeed feed;
    private final String topic = Topic.ASSIGNMENTS.topicName();

    public KafkaDecisionLog(Map<String, Object> clientSettings, AppSerdes serdes, TopicFeed feed) {
        this.feed = feed;
        Properties producerProps = new Properties();
        producerProps.putAll(clientSettings);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        assignmentValues = serdes.valueSerde(Topic.ASSIGNMENTS).serializer();
        statusValues = serdes.valueSerde(Topic.OFFICER_STATUS).serializer();
        taskValues = serdes.valueSerde(Topic.TASK_DECISIONS).serializer();
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        Properties consumerProps = new Properties();
        consumerProps.putAll(clientSettings);
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        offsets = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void catchUp(String incidentId) throws TimeoutException, InterruptedException {
        TopicPartition partition = partitionOf(incidentId);
        if (!offsets.assignment().contains(partition)) {
            // Asked about a partition it is not assigned, a consumer warns on every call.
            offsets.assign(producer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList());
        }
        long end = offsets.endOffsets(List.of(partition), CATCH_UP_LIMIT).get(partition);
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (!feed.hasRead(partition, end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The console has not read " + partition + " up to " + end);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void publish(Assignment assignment) throws Exception {
        producer.send(new ProducerRecord<>(topic, assignment.getIncidentId(), assignmentValues.serialize(topic, assignment))).get();
    }

    @Override
    public void publish(OfficerStatus status) throws Exception {
        String statusTopic = Topic.OFFICER_STATUS.topicName();
        producer.send(new ProducerRecord<>(statusTopic, status.getOfficerId(), statusValues.serialize(statusTopic, status))).get();
    }

    @Override
    public void publish(TaskDecision decision) throws Exception {
        String decisionTopic = Topic.TASK_DECISIONS.topicName();
        producer.send(new ProducerRecord<>(decisionTopic, decision.getOfficerId(), taskValues.serialize(decisionTopic, decision))).get();
    }

    /** As the producer's default partitioner places a string key. */
    private TopicPartition partitionOf(String incidentId) {
        int partitions = producer.partitionsFor(topic).size();
        byte[] key = incidentId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new TopicPartition(topic, Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        offsets.close(Duration.ofSeconds(5));
    }
}
