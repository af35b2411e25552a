package org.bluelight.runtime.deadletter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.TopologyDescription;
import org.bluelight.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topics a topology writes to, and a start-up check that they exist: writing a
 * dead letter to a missing topic would stall the stream thread for {@code max.block.ms} and fail
 * it, again and again, instead of saying what is wrong.
 */
public final class DeadLetterTopics {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopics.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);
    private static final int FALLBACK_RETENTION_DAYS = 30;

    private DeadLetterTopics() {
    }

    /**
     * {@code <topic>.dlq} for every topic the topology's stream tasks read from outside. Topics the
     * topology also writes (its repartition and other internal topics) are left out, and so are
     * global stores' topics (the global thread cannot write dead letters) and topics read by
     * pattern (not known in advance).
     */
    public static SortedSet<String> of(TopologyDescription topology) {
        Set<String> read = new TreeSet<>();
        Set<String> written = new TreeSet<>();
        streamTopics(topology, read, written);
        SortedSet<String> deadLetterTopics = new TreeSet<>();
        for (String topic : read) {
            if (!written.contains(topic) && !topic.endsWith(Topic.DLQ_SUFFIX)) {
                deadLetterTopics.add(topic + Topic.DLQ_SUFFIX);
            }
        }
        return deadLetterTopics;
    }

    /** Adds the topics the stream tasks read and write to {@code read} and {@code written} (global stores' left out). */
    public static void streamTopics(TopologyDescription topology, Set<String> read, Set<String> written) {
        for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    read.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    written.add(sink.topic());
                }
            }
        }
    }

    /**
     * The app's fallback dead-letter topic, {@code <application.id>.dlq}: letters whose source topic
     * cannot be known (a punctuation's output, a record of an internal topic without a
     * {@link SourceStamp}) go there rather than to a topic made up on the spot.
     */
    public static String fallback(String applicationId) {
        return applicationId + Topic.DLQ_SUFFIX;
    }

    /**
     * Creates the app's {@link #fallback} topic unless it exists, at start-up as Kafka Streams does
     * its internal topics: one partition, deleting after {@value #FALLBACK_RETENTION_DAYS} days like
     * every dead-letter topic. A failure is only logged: {@link #requireExisting} then says what is missing.
     *
     * @param replicationFactor its replication factor, -1 for the broker default
     */
    public static void createFallback(String applicationId, int replicationFactor, Properties clientProperties) {
        String topic = fallback(applicationId);
        NewTopic newTopic = new NewTopic(topic, Optional.of(1),
                replicationFactor < 1 ? Optional.empty() : Optional.of((short) replicationFactor))
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(FALLBACK_RETENTION_DAYS).toMillis())));
        try (Admin admin = admin(clientProperties)) {
            admin.createTopics(List.of(newTopic)).all().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitListed(admin, topic);
            LOG.info("Created the fallback dead-letter topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Could not create the fallback dead-letter topic {}: {}", topic, e.getCause().toString());
            }
        } catch (TimeoutException e) {
            LOG.warn("Could not create the fallback dead-letter topic {} within {}", topic, CHECK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creation returns before the broker answering a listing knows the topic: wait until it does. */
    private static void awaitListed(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
        while (!admin.listTopics().names().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topic " + topic + " not listed within " + CHECK_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Fails with {@link MissingDeadLetterTopicsException} if any of {@code required} is missing on
     * the cluster {@code clientProperties} reach. If the cluster cannot be asked within 15 s, logs
     * a warning and lets the app start (Kafka Streams itself waits for the cluster).
     */
    public static void requireExisting(Set<String> required, Properties clientProperties) {
        if (required.isEmpty()) {
            return;
        }
        try (Admin admin = admin(clientProperties)) {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .names().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            SortedSet<String> missing = new TreeSet<>(required);
            missing.removeAll(existing);
            if (!missing.isEmpty()) {
                throw new MissingDeadLetterTopicsException(missing);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not check that the dead-letter topics {} exist: {}", required, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An admin client with only its own settings (bootstrap, security), so it logs no unknown-config warnings. */
    private static Admin admin(Properties clientProperties) {
        return Admin.create(AdminClientConfig.configNames().stream()
                .filter(clientProperties::containsKey)
                .collect(Collectors.toMap(name -> name, clientProperties::get)));
    }
}
