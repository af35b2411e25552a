package org.bluelight.simulator.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.simulator.engine.Desk;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimulatedDispatcher;

/**
 * The live desk: streams-dispatch decides, from what the simulator publishes, and its recommendations and backlogs
 * come back from {@code dispatch.recommendations} and {@code dispatch.backlog}; the simulated dispatcher takes the
 * top candidate of each active recommendation after its delay.
 */
final class KafkaDesk implements Desk {

    static final List<String> TOPICS = List.of(Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName());

    private final ForceSimulation force;
    private final SimulatedDispatcher atTheDesk;
    private final Deserializer<Recommendation> recommendationDeserializer;
    private final Deserializer<BacklogSnapshot> backlogDeserializer;
    private final Map<String, Integer> backlogByGroup = new LinkedHashMap<>();
    private final Map<String, Long> publishedNanos = new HashMap<>();
    private final List<Double> latenciesMs = new ArrayList<>();
    private int recommendations;

    KafkaDesk(ForceSimulation force, SimulatedDispatcher atTheDesk, RegistryClient registry) {
        this.force = force;
        this.atTheDesk = atTheDesk;
        this.recommendationDeserializer = AvroSerdes.value(Recommendation.class, registry).deserializer();
        this.backlogDeserializer = AvroSerdes.value(BacklogSnapshot.class, registry).deserializer();
    }

    /** A record dispatch published. */
    void read(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topic.BACKLOG.topicName())) {
            BacklogSnapshot snapshot = backlogDeserializer.deserialize(record.topic(), record.headers(), record.value());
            backlogByGroup.put(snapshot.getDispatchGroup(), snapshot.getEntries().size());
            return;
        }
        Recommendation recommendation = recommendationDeserializer.deserialize(record.topic(), record.headers(), record.value());
        SimIncident incident = force.openIncident(recommendation.getIncidentId());
        if (incident == null) {
            return; // from an earlier run, or closed meanwhile
        }
        recommendations++;
        Long published = publishedNanos.remove(incident.id());
        if (published != null) {
            latenciesMs.add((System.nanoTime() - published) / 1e6);
        }
        if (recommendation.getStatus() == RecommendationStatus.ACTIVE && !recommendation.getCandidates().isEmpty()
                && incident.uncovered()) {
            atTheDesk.offer(incident.id(), recommendation.getRecommendationId(),
                    recommendation.getCandidates().get(0).getOfficerIds());
        }
    }

    @Override
    public void reported(SimIncident incident) {
        publishedNanos.put(incident.id(), System.nanoTime());
    }

    @Override
    public void closed(SimIncident incident) {
        publishedNanos.remove(incident.id());
        atTheDesk.withdraw(incident.id());
    }

    @Override
    public void uncovered(SimIncident incident) {
        // Dispatch hears of it from the units' statuses and recommends again.
    }

    @Override
    public int waiting() {
        return backlogByGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> backlogByGroup() {
        return backlogByGroup;
    }

    List<Double> latenciesMs() {
        return latenciesMs;
    }

    int recommendations() {
        return recommendations;
    }
}
