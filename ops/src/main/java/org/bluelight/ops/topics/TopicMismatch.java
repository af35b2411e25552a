package org.bluelight.ops.topics;

import java.util.List;
import java.util.Objects;

/** A topic that exists but not as declared; provisioning never alters it, it reports it. */
public record TopicMismatch(String topic, List<String> differences) {

    public TopicMismatch {
        Objects.requireNonNull(topic, "topic");
        differences = List.copyOf(differences);
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("A mismatch of topic " + topic + " needs at least one difference");
        }
    }

    @Override
    public String toString() {
        return topic + ": " + String.join("; ", differences);
    }
}
