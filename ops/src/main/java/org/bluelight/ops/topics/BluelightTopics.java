package org.bluelight.ops.topics;

import java.util.ArrayList;
import java.util.List;
import org.bluelight.coverage.app.CoverageApp;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.metrics.app.MetricsApp;
import org.bluelight.runtime.deadletter.DeadLetterTopics;
import org.bluelight.schemas.Topic;

/**
 * The one declarative list of Bluelight's topics: every {@link Topic} with its cleanup policy and
 * retention, and its dead-letter topic.
 *
 * <p>Every topic gets a {@code .dlq}: streams apps send records they cannot read to the input
 * topic's dead-letter topic, and records they cannot write to the output topic's. Dead-letter
 * topics always delete (never compact): bad records may share a key or have none.
 *
 * <p>Each app also has a fallback dead-letter topic, {@code <application.id>.dlq}, for letters
 * whose source topic cannot be known. An app creates its own at start-up when it is missing;
 * declaring them here lets a cluster where apps may not create topics be provisioned in one step.
 * One partition each: they are rare, and an app with another application.id makes its own.
 */
public final class BluelightTopics {

    private BluelightTopics() {
    }

    /** The apps whose fallback dead-letter topics are declared, by their default application ids. */
    public static final List<String> APPLICATION_IDS =
            List.of(DispatchApp.APPLICATION_ID, CoverageApp.APPLICATION_ID, MetricsApp.APPLICATION_ID);

    /** Every topic, each followed by its dead-letter topic, in {@link Topic} order; then the apps' fallback dead-letter topics. */
    public static List<TopicSpec> specs(ProvisioningSettings settings) {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic<?, ?> topic : Topic.all()) {
            specs.add(spec(topic, settings));
            specs.add(TopicSpec.deleting(topic.dlqName(), settings.partitions(), settings.replicationFactor(),
                    settings.dlqRetention()));
        }
        for (String applicationId : APPLICATION_IDS) {
            specs.add(TopicSpec.deleting(DeadLetterTopics.fallback(applicationId), 1, settings.replicationFactor(),
                    settings.dlqRetention()));
        }
        return List.copyOf(specs);
    }

    private static TopicSpec spec(Topic topic, ProvisioningSettings settings) {
        return topic.compacted()
                ? TopicSpec.compacted(topic.topicName(), settings.partitions(), settings.replicationFactor())
                : TopicSpec.deleting(topic.topicName(), settings.partitions(), settings.replicationFactor(), topic.retention());
    }
}
