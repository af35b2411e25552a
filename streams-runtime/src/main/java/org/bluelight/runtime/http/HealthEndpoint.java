package org.bluelight.runtime.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code GET /health}: 200 while Kafka Streams is RUNNING or REBALANCING, 503 otherwise, with
 * {@code {"status": "UP"|"DOWN", "state": "<KafkaStreams.State>", "application": "<application.id>"}}.
 */
public final class HealthEndpoint implements QueryHandler {

    private final String applicationId;
    private final Supplier<KafkaStreams.State> state;

    public HealthEndpoint(String applicationId, Supplier<KafkaStreams.State> state) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Whether an app in {@code state} is healthy: it processes, or will once the rebalance is done. */
    public static boolean healthy(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    @Override
    public JsonReply handle(HttpQuery query) {
        KafkaStreams.State current = state.get();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", healthy(current) ? "UP" : "DOWN");
        body.put("state", current.name());
        body.put("application", applicationId);
        return new JsonReply(healthy(current) ? 200 : 503, body);
    }
}
