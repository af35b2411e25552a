package org.bluelight.simulator.live;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.route.Route;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.simulator.engine.ForceSimulation;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulatedDispatcher;
import org.bluelight.simulator.engine.SimulationListener;

/**
 * Publishes the simulated force as CAD and the vehicles would, with simulated timestamps: incidents on
 * {@code cad.incidents}, status changes on {@code officer.status}, telematics fixes along each route's geometry
 * on {@code officer.telematics} (units on a move-up or patrol task along their road to the post too), and the
 * simulated dispatcher's decisions on {@code cad.assignments} and {@code cad.task-decisions}.
 */
final class LivePublisher implements SimulationListener, SimulatedDispatcher.Decisions {

    private final ForceSimulation force;
    private final RoadNetwork network;
    private final Duration fixInterval;
    private final Producer<String, byte[]> producer;
    private final PrintStream status;
    private final Serializer<IncidentEvent> incidentSerializer;
    private final Serializer<OfficerStatus> statusSerializer;
    private final Serializer<PositionFix> fixSerializer;
    private final Serializer<Assignment> assignmentSerializer;
    private final Serializer<TaskDecision> decisionSerializer;
    private final Map<String, Instant> lastFix = new HashMap<>();
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, Instant> routedTrips = new HashMap<>();
    private final List<Double> grade1Minutes = new ArrayList<>();
    private final List<Double> grade2Minutes = new ArrayList<>();
    private final AtomicInteger sendFailures = new AtomicInteger();
    private int published;
    private int dispatched;
    private int assignments;
    private int arrivals;
    private int cleared;
    private int statusMessages;
    private int fixes;

    LivePublisher(ForceSimulation force, RoadNetwork network, Duration fixInterval, Producer<String, byte[]> producer,
                  RegistryClient registry, PrintStream status) {
        this.force = force;
        this.network = network;
        this.fixInterval = fixInterval;
        this.producer = producer;
        this.status = status;
        this.incidentSerializer = AvroSerdes.value(IncidentEvent.class, registry).serializer();
        this.statusSerializer = AvroSerdes.value(OfficerStatus.class, registry).serializer();
        this.fixSerializer = AvroSerdes.value(PositionFix.class, registry).serializer();
        this.assignmentSerializer = AvroSerdes.value(Assignment.class, registry).serializer();
        this.decisionSerializer = AvroSerdes.value(TaskDecision.class, registry).serializer();
    }

    @Override
    public void reported(SimIncident incident) {
        published++;
        if (incident.generated().dispatched()) {
            dispatched++;
        }
        send(Topic.INCIDENTS, incident.id(), incidentSerializer,
                Records.incident(incident.generated(), IncidentEventType.REPORTED, force.now()));
    }

    @Override
    public void closed(SimIncident incident) {
        send(Topic.INCIDENTS, incident.id(), incidentSerializer,
                Records.incident(incident.generated(), IncidentEventType.CLOSED, force.now()));
    }

    @Override
    public void changed(SimUnit unit) {
        statusMessages++;
        boolean predictable = unit.state() == OfficerState.ON_BREAK || unit.state() == OfficerState.PRISONER_PROCESSING;
        send(Topic.OFFICER_STATUS, unit.id(), statusSerializer, Records.status(unit.unit(), unit.state(), force.now(),
                unit.duty().shift(), predictable ? unit.freeAt() : null,
                unit.incident() == null ? null : unit.incident().id(), unit.position()));
        if (unit.state() == OfficerState.EN_ROUTE && unit.incident() != null
                && !unit.tripStart().equals(routedTrips.get(unit.id()))) {
            routedTrips.put(unit.id(), unit.tripStart());
            routes.put(unit.id(), route(unit, unit.incident().generated().location(), unit.incident().generated().grade()));
        }
    }

    @Override
    public void sentToPost(SimUnit unit, double km) {
        // Not an emergency: routed as the simulation times it, for grade 2.
        routes.put(unit.id(), route(unit, unit.post(), 2));
    }

    @Override
    public void moved(SimUnit unit) {
        routes.remove(unit.id());
    }

    @Override
    public void arrived(SimUnit unit, SimIncident incident, boolean first) {
        arrivals++;
        routes.remove(unit.id());
        if (first) {
            double minutes = Duration.between(incident.generated().reportedAt(), force.now()).toMillis() / 60_000.0;
            (incident.generated().grade() == 1 ? grade1Minutes : grade2Minutes).add(minutes);
        }
    }

    @Override
    public void cleared(SimUnit unit, SimIncident incident) {
        cleared++;
    }

    @Override
    public void assigned(SimIncident incident, List<String> unitIds, String recommendationId) {
        assignments++;
        send(Topic.ASSIGNMENTS, incident.id(), assignmentSerializer, Assignment.newBuilder()
                .setIncidentId(incident.id()).setAction(AssignmentAction.ASSIGNED).setOfficerIds(unitIds)
                .setDecidedAt(force.now()).setRecommendationId(recommendationId)
                .setFollowedRecommendation(true).setChosenRank(1).setDispatcherId(Records.DISPATCHER).build());
    }

    @Override
    public void stoodDown(SimIncident incident, List<String> unitIds) {
        send(Topic.ASSIGNMENTS, incident.id(), assignmentSerializer, Assignment.newBuilder()
                .setIncidentId(incident.id()).setAction(AssignmentAction.STOOD_DOWN).setOfficerIds(unitIds)
                .setDecidedAt(force.now()).setRecommendationId(null)
                .setFollowedRecommendation(true).setChosenRank(1).setDispatcherId(Records.DISPATCHER).build());
    }

    /** The simulated dispatcher's answer to a move-up or patrol task, on {@code cad.task-decisions}. */
    void decided(TaskDecision decision) {
        send(Topic.TASK_DECISIONS, decision.getOfficerId(), decisionSerializer, decision);
    }

    /** A fix from each unit on duty whose last one is {@code fixInterval} old: travelling units along their road. */
    void sendFixes() {
        Instant now = force.now();
        for (SimUnit unit : force.units()) {
            Instant last = lastFix.get(unit.id());
            if (unit.state() == OfficerState.OFF_DUTY || (last != null && last.plus(fixInterval).isAfter(now))) {
                continue;
            }
            lastFix.put(unit.id(), now);
            fixes++;
            send(Topic.TELEMATICS, unit.id(), fixSerializer, Records.fix(unit.id(), where(unit, now), now));
        }
    }

    private GeoPoint where(SimUnit unit, Instant now) {
        Route route = routes.get(unit.id());
        boolean toPost = unit.state() == OfficerState.AVAILABLE && unit.post() != null;
        if (route == null || !(unit.state() == OfficerState.EN_ROUTE || toPost)) {
            return unit.position();
        }
        double share = Math.min(1, Duration.between(unit.tripStart(), now).toMillis() / 1000.0 / Math.max(1, unit.tripSeconds()));
        List<GeoPoint> line = route.geometry();
        return line.get(Math.min(line.size() - 1, (int) Math.floor(share * (line.size() - 1))));
    }

    /** The road the unit takes, for its fixes; null when routing fails (it then reports where it set off). */
    private Route route(SimUnit unit, GeoPoint destination, int grade) {
        TravelProfile profile = TravelProfile.forResponse(Transport.valueOf(unit.unit().transport().name()),
                DrivingStandard.valueOf(unit.unit().drivingStandard().name()), grade);
        try {
            return network.route(unit.position(), destination, profile, force.now());
        } catch (RoutingException e) {
            return null;
        }
    }

    private <T extends SpecificRecord> void send(Topic<String, T> topic, String key, Serializer<T> serializer, T value) {
        producer.send(new ProducerRecord<>(topic.topicName(), null, force.now().toEpochMilli(), key,
                serializer.serialize(topic.topicName(), value)), (metadata, error) -> {
                    if (error != null && sendFailures.getAndIncrement() == 0) {
                        status.println("simulator: a record to " + topic.topicName() + " was refused: " + error.getMessage());
                    }
                });
    }

    int published() {
        return published;
    }

    int dispatched() {
        return dispatched;
    }

    int assignments() {
        return assignments;
    }

    int arrivals() {
        return arrivals;
    }

    int cleared() {
        return cleared;
    }

    int statusMessages() {
        return statusMessages;
    }

    int fixes() {
        return fixes;
    }

    int sendFailures() {
        return sendFailures.get();
    }

    List<Double> grade1Minutes() {
        return grade1Minutes;
    }

    List<Double> grade2Minutes() {
        return grade2Minutes;
    }
}
