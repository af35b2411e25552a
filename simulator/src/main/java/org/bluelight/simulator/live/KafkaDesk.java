package org.bluelight.simulator.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
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
 * top candidate of each active recommendation after its delay. In manual mode a person at the console decides
 * instead: the simulated dispatcher takes nothing, and the force follows the assignments that arrive on
 * {@code cad.assignments}. A stand-down from the console is recorded there but the simulated units carry on: the
 * simulation has no way to recall a unit.
 */
final class KafkaDesk implements Desk {

    private static final List<String> TOPICS = List.of(Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName());
    private static final List<String> MANUAL_TOPICS = List.of(Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName(),
            Topic.ASSIGNMENTS.topicName());

    private final ForceSimulation force;
    private final SimulatedDispatcher atTheDesk;
    private final SimulatedDispatcher.Decisions decisions;
    private final boolean manual;
    private final Deserializer<Assignment> assignmentDeserializer;
    private final Deserializer<Recommendation> recommendationDeserializer;
    private final Deserializer<BacklogSnapshot> backlogDeserializer;
    private final Map<String, Integer> backlogByGroup = new LinkedHashMap<>();
    private final Map<String, Long> publishedNanos = new HashMap<>();
    private final List<Double> latenciesMs = new ArrayList<>();
    private int recommendations;
    private int followed;
    private int refused;

    KafkaDesk(ForceSimulation force, SimulatedDispatcher atTheDesk, SimulatedDispatcher.Decisions decisions, boolean manual,
              RegistryClient registry) {
        this.force = force;
        this.atTheDesk = atTheDesk;
        this.decisions = decisions;
        this.manual = manual;
        this.assignmentDeserializer = AvroSerdes.value(Assignment.class, registry).deserializer();
        this.recommendationDeserializer = AvroSerdes.value(Recommendation.class, registry).deserializer();
        this.backlogDeserializer = AvroSerdes.value(BacklogSnapshot.class, registry).deserializer();
    }

    /** The topics the desk reads. */
    static List<String> topics(boolean manual) {
        return manual ? MANUAL_TOPICS : TOPICS;
    }

    /** A record dispatch, or in manual mode the console, published. */
    void read(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topic.ASSIGNMENTS.topicName())) {
            follow(assignmentDeserializer.deserialize(record.topic(), record.headers(), record.value()));
            return;
        }
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
        if (!manual && recommendation.getStatus() == RecommendationStatus.ACTIVE && !recommendation.getCandidates().isEmpty()
                && incident.uncovered()) {
            atTheDesk.offer(incident.id(), recommendation.getRecommendationId(),
                    recommendation.getCandidates().get(0).getOfficerIds());
        }
    }

    /** A person's assignment: the units set off, or it is counted as refused when the incident or units cannot take it. */
    private void follow(Assignment assignment) {
        if (assignment.getAction() != AssignmentAction.ASSIGNED) {
            return;
        }
        SimIncident incident = force.openIncident(assignment.getIncidentId());
        if (incident == null || !force.canGo(incident, assignment.getOfficerIds())) {
            refused++;
            return;
        }
        followed++;
        if (!force.send(incident, assignment.getOfficerIds())) {
            decisions.stoodDown(incident, assignment.getOfficerIds());
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

    /** Assignments from the console the force followed (manual mode). */
    int followed() {
        return followed;
    }

    /** Assignments from the console for closed or already covered incidents, or units that cannot go (manual mode). */
    int refused() {
        return refused;
    }
}
