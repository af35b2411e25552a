package org.bluelight.ops.topics;

import java.util.ArrayList;
import java.util.List;
import org.bluelight.schemas.Topic;

/**
 * The one declarative list of Bluelight's topics: every {@link Topic} with its cleanup policy and
 * retention, and its dead-letter topic.
 *
 * <p>Every topic gets a {@code .dlq}: streams apps send records they cannot read to the input
 * topic's dead-letter topic, and records they cannot write to the output topic's. Dead-letter
 * topics always delete (never compact): bad records may share a key or have none.
 */
public final class BluelightTopics {

    private BluelightTopics() {
    }

    /** Every topic, each followed by its dead-letter topic, in {@link Topic} order. */
    public static List<TopicSpec> specs(ProvisioningSettings settings) {
        List<TopicSpec> specs = new ArrayList<>();
        for (Topic<?, ?> topic : Topic.all()) {
            specs.add(spec(topic, settings));
            specs.add(TopicSpec.deleting(topic.dlqName(), settings.partitions(), settings.replicationFactor(),
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
