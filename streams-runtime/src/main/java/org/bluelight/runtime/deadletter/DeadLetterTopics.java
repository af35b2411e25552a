package org.bluelight.runtime.deadletter;

import java.time.Duration;
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
        for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    read.addAll(source.topicSet());
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    written.add(sink.topic());
                }
            }
        }
        SortedSet<String> deadLetterTopics = new TreeSet<>();
        for (String topic : read) {
            if (!written.contains(topic) && !topic.endsWith(Topic.DLQ_SUFFIX)) {
                deadLetterTopics.add(topic + Topic.DLQ_SUFFIX);
            }
        }
        return deadLetterTopics;
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
        // Only the admin client's own settings (bootstrap, security), so it logs no unknown-config warnings.
        try (Admin admin = Admin.create(AdminClientConfig.configNames().stream()
                .filter(clientProperties::containsKey)
                .collect(Collectors.toMap(name -> name, clientProperties::get)))) {
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
}
