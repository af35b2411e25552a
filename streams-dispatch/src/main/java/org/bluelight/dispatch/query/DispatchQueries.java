package org.bluelight.dispatch.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.runtime.StreamsApp;
import org.bluelight.runtime.http.JsonReply;
import org.bluelight.schemas.Recommendation;

/**
 * Interactive queries over this instance's state stores, for the console and operators:
 * <ul>
 *   <li>{@code GET /officers} every unit, {@code /officers?group=G} one dispatch group's;</li>
 *   <li>{@code GET /backlog/G} the backlog of dispatch group G, head first, breaches as of now;</li>
 *   <li>{@code GET /recommendations/INCIDENT} the latest recommendation for an incident.</li>
 * </ul>
 * Each instance answers from its own partitions; with one instance that is everything.
 */
public final class DispatchQueries {

    private DispatchQueries() {
    }

    public static void register(StreamsApp app) {
        KafkaStreams streams = app.streams();
        app.route("/officers", query -> read(streams, DispatchTopology.OFFICERS_STORE, (ReadOnlyKeyValueStore<String, Officer> store) -> {
            List<Officer> officers = new ArrayList<>();
            try (KeyValueIterator<String, Officer> all = store.all()) {
                all.forEachRemaining(entry -> officers.add(entry.value));
            }
            return JsonReply.ok(query.parameter("group")
                    .map(group -> officers.stream().filter(o -> o.dispatchGroup().equals(group)).toList())
                    .orElse(officers));
        }));
        app.route("/backlog", query -> {
            if (query.subPath().isEmpty()) {
                return JsonReply.badRequest("name a dispatch group: /backlog/{group}");
            }
            String group = query.subPath().get();
            Instant now = Instant.now();
            return read(streams, DispatchTopology.BACKLOG_STORE, (ReadOnlyKeyValueStore<String, WaitingIncident> store) -> {
                List<BacklogLine> lines = new ArrayList<>();
                try (KeyValueIterator<String, WaitingIncident> range =
                             store.prefixScan(group + '\u001f', new StringSerializer())) {
                    range.forEachRemaining(entry -> lines.add(BacklogLine.of(lines.size() + 1, entry.value, now)));
                }
                return JsonReply.ok(lines);
            });
        });
        app.route("/recommendations", query -> {
            if (query.subPath().isEmpty()) {
                return JsonReply.badRequest("name an incident: /recommendations/{incidentId}");
            }
            String incidentId = query.subPath().get();
            return read(streams, DispatchTopology.LATEST_RECOMMENDATIONS_STORE, (ReadOnlyKeyValueStore<String, Recommendation> store) -> {
                Recommendation latest = store.get(incidentId);
                return latest == null ? JsonReply.notFound("no recommendation for incident " + incidentId) : JsonReply.ok(latest);
            });
        });
    }

    /** One line of a backlog as the console shows it. */
    public record BacklogLine(int position, String incidentId, int grade, Instant reportedAt, Instant queuedAt,
                              Instant targetAt, boolean breached, String reason) {
        static BacklogLine of(int position, WaitingIncident waiting, Instant now) {
            return new BacklogLine(position, waiting.incidentId(), waiting.incident().grade(), waiting.incident().reportedAt(),
                    waiting.queuedAt(), waiting.targetAt(), waiting.breached(now), waiting.reason());
        }
    }

    private static <V> JsonReply read(KafkaStreams streams, String storeName,
                                      Function<ReadOnlyKeyValueStore<String, V>, JsonReply> answer) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.<String, V>keyValueStore()));
            return answer.apply(store);
        } catch (InvalidStateStoreException e) {
            return JsonReply.unavailable("state store " + storeName + " is not ready: " + e.getMessage());
        }
    }
}
