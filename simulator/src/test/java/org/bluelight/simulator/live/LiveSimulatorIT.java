package org.bluelight.simulator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.registry.RegistryServerConfig;
import org.bluelight.routing.GeoPoint;
import org.bluelight.registry.SchemaRegistryServer;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.Candidate;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.MoveUpRecommendation;
import org.bluelight.schemas.MoveUpStatus;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolTaskRecommendation;
import org.bluelight.schemas.PatrolTaskStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.RecommendationTrigger;
import org.bluelight.schemas.TaskDecision;
import org.bluelight.schemas.TaskKind;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.bluelight.testkit.KafkaCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live simulator on a real broker and registry, with the Andorra scenario on its real roads: it publishes CAD's
 * incidents, the units' statuses and fixes, and closes the loop through a recommendation the test plays in place
 * of streams-dispatch: the simulated dispatcher assigns the named unit, which sets off; likewise it answers the move-ups
 * and patrol tasks the test publishes, and a unit follows the task it accepted.
 */
class LiveSimulatorIT {

    @RegisterExtension
    static final KafkaCluster KAFKA = KafkaCluster.singleNode();

    private static final Path WORK = Path.of("target", "live-simulator-it");
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** Simulated time a tasked unit has left on shift: a drive across Andorra and the visit take well under it. */
    private static final Duration SHIFT_LEFT = Duration.ofHours(2);

    private static SchemaRegistryServer registry;
    private static RegistryClient client;

    @BeforeAll
    static void startUp() throws Exception {
        // Simulated time runs ahead of the broker's clock, as in the local stack, whose broker accepts that.
        Map<String, String> aheadOfTime = Map.of("message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topic.all()) {
            topics.add(new NewTopic(topic.topicName(), 1, (short) 1).configs(aheadOfTime));
            topics.add(new NewTopic(topic.dlqName(), 1, (short) 1));
        }
        KAFKA.adminClient().createTopics(topics).all().get();
        registry = SchemaRegistryServer.start(RegistryServerConfig.of(KAFKA.bootstrapServers()));
        client = new RegistryClient(RegistryClientConfig.of(registry.uri().toString()));
    }

    @AfterAll
    static void shutDown() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void publishesIncidentsStatusesAndFixesAndAssignsTheUnitDispatchRecommends() throws Exception {
        Scenario scenario = ScenarioFile.load("andorra");
        LiveConfig config = LiveConfig.of(KAFKA.bootstrapServers(), registry.uri(), scenario,
                MapSource.resolve(scenario.map(), null, WORK), WORK).withSpeed(300).withDuration(WAIT);
        Deserializer<IncidentEvent> incidents = AvroSerdes.value(IncidentEvent.class, client).deserializer();
        Deserializer<OfficerStatus> statuses = AvroSerdes.value(OfficerStatus.class, client).deserializer();
        Deserializer<Assignment> assignments = AvroSerdes.value(Assignment.class, client).deserializer();
        Serializer<Recommendation> recommendations = AvroSerdes.value(Recommendation.class, client).serializer();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();

        Map<String, OfficerStatus> units = new HashMap<>();
        List<IncidentEvent> reported = new ArrayList<>();
        int fixes = 0;
        String recommendedIncident = null;
        String recommendedUnit = null;
        Recommendation recommended = null;
        Instant lastSent = Instant.EPOCH;
        Assignment assignment = null;
        OfficerStatus setOff = null;
        try (KafkaConsumer<String, byte[]> consumer = consumer();
             KafkaProducer<String, byte[]> dispatch = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                     new ByteArraySerializer());
             LiveSimulator simulator = new LiveSimulator(config, new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            consumer.subscribe(List.of(Topic.INCIDENTS.topicName(), Topic.OFFICER_STATUS.topicName(),
                    Topic.TELEMATICS.topicName(), Topic.ASSIGNMENTS.topicName()));
            simulator.start();
            Instant deadline = Instant.now().plus(WAIT);
            while ((assignment == null || setOff == null) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String topic = record.topic();
                    if (topic.equals(Topic.TELEMATICS.topicName())) {
                        fixes++;
                    } else if (topic.equals(Topic.INCIDENTS.topicName())) {
                        IncidentEvent incident = incidents.deserialize(topic, record.headers(), record.value());
                        if (incident.getEventType() == IncidentEventType.REPORTED) {
                            reported.add(incident);
                        }
                    } else if (topic.equals(Topic.OFFICER_STATUS.topicName())) {
                        OfficerStatus status = statuses.deserialize(topic, record.headers(), record.value());
                        units.put(status.getOfficerId(), status);
                        if (status.getOfficerId().equals(recommendedUnit) && status.getState() == OfficerState.EN_ROUTE
                                && recommendedIncident.equals(status.getIncidentId())) {
                            setOff = status;
                        }
                    } else {
                        Assignment decided = assignments.deserialize(topic, record.headers(), record.value());
                        if (decided.getIncidentId().equals(recommendedIncident)) {
                            assignment = decided;
                        }
                    }
                }
                if (recommendedIncident == null) {
                    // Play dispatch: recommend a free unit of the group for the first grade 1 or 2 incident.
                    for (IncidentEvent incident : reported) {
                        OfficerStatus free = units.values().stream()
                                .filter(u -> u.getState() == OfficerState.AVAILABLE
                                        && u.getDispatchGroup().equals(incident.getDispatchGroup()))
                                .findFirst().orElse(null);
                        if (incident.getGrade() <= 2 && free != null && incident.getOfficersRequired() <= free.getCrewSize()) {
                            recommendedIncident = incident.getIncidentId();
                            recommendedUnit = free.getOfficerId();
                            recommended = recommendation(incident, free);
                            break;
                        }
                    }
                }
                // Sent again until taken, as the simulator's consumer may join after the first one.
                if (recommended != null && assignment == null && Instant.now().isAfter(lastSent.plusSeconds(2))) {
                    dispatch.send(new ProducerRecord<>(Topic.RECOMMENDATIONS.topicName(), recommendedIncident,
                            recommendations.serialize(Topic.RECOMMENDATIONS.topicName(), recommended)));
                    dispatch.flush();
                    lastSent = Instant.now();
                }
            }
        }

        assertThat(reported).as("incidents on cad.incidents").isNotEmpty()
                .allMatch(i -> i.getLocation() != null && i.getDispatchGroup() != null);
        assertThat(units).as("a status from each unit of the force on shift").hasSizeGreaterThan(5);
        assertThat(fixes).as("telematics fixes").isGreaterThan(units.size());
        assertThat(recommendedIncident).as("a dispatched incident with a free unit came in").isNotNull();
        assertThat(assignment).as("the simulated dispatcher's assignment").isNotNull();
        assertThat(assignment.getAction()).isEqualTo(AssignmentAction.ASSIGNED);
        assertThat(assignment.getOfficerIds()).containsExactly(recommendedUnit);
        assertThat(assignment.getRecommendationId()).isEqualTo(recommendedIncident + "#1");
        assertThat(setOff).as("the recommended unit sets off to the incident").isNotNull();
    }

    @Test
    void inManualModeTheSimulatorAssignsNothingAndTheForceFollowsAnAssignmentFromTheConsole() throws Exception {
        Scenario scenario = ScenarioFile.load("andorra");
        LiveConfig config = LiveConfig.of(KAFKA.bootstrapServers(), registry.uri(), scenario,
                MapSource.resolve(scenario.map(), null, WORK), WORK).withSpeed(300).withDuration(WAIT).withManual(true);
        Deserializer<IncidentEvent> incidents = AvroSerdes.value(IncidentEvent.class, client).deserializer();
        Deserializer<OfficerStatus> statuses = AvroSerdes.value(OfficerStatus.class, client).deserializer();
        Deserializer<Assignment> assignments = AvroSerdes.value(Assignment.class, client).deserializer();
        Serializer<Recommendation> recommendations = AvroSerdes.value(Recommendation.class, client).serializer();
        Serializer<Assignment> assignmentValues = AvroSerdes.value(Assignment.class, client).serializer();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();

        Map<String, OfficerStatus> units = new HashMap<>();
        List<IncidentEvent> reported = new ArrayList<>();
        List<Assignment> bySimulator = new ArrayList<>();
        IncidentEvent chosen = null;
        String incidentId = null;
        String unitId = null;
        Recommendation recommended = null;
        Instant firstRecommended = null;
        Instant lastSent = Instant.EPOCH;
        Assignment fromConsole = null;
        OfficerStatus setOff = null;
        try (KafkaConsumer<String, byte[]> consumer = consumer("live-simulator-manual-it", "latest");
             KafkaProducer<String, byte[]> dispatchAndConsole = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                     new ByteArraySerializer());
             LiveSimulator simulator = new LiveSimulator(config, new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            consumer.subscribe(List.of(Topic.INCIDENTS.topicName(), Topic.OFFICER_STATUS.topicName(), Topic.ASSIGNMENTS.topicName()));
            // From the end of the topics: the other test's run may have written to them.
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            simulator.start();
            Instant deadline = Instant.now().plus(WAIT);
            while (setOff == null && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String topic = record.topic();
                    if (topic.equals(Topic.INCIDENTS.topicName())) {
                        IncidentEvent incident = incidents.deserialize(topic, record.headers(), record.value());
                        if (incident.getEventType() == IncidentEventType.REPORTED) {
                            reported.add(incident);
                        }
                    } else if (topic.equals(Topic.OFFICER_STATUS.topicName())) {
                        OfficerStatus status = statuses.deserialize(topic, record.headers(), record.value());
                        units.put(status.getOfficerId(), status);
                        if (status.getOfficerId().equals(unitId) && status.getState() == OfficerState.EN_ROUTE
                                && incidentId.equals(status.getIncidentId())) {
                            setOff = status;
                        }
                    } else {
                        Assignment decided = assignments.deserialize(topic, record.headers(), record.value());
                        if (!"alice".equals(decided.getDispatcherId())) {
                            bySimulator.add(decided);
                        }
                    }
                }
                if (incidentId == null) {
                    for (IncidentEvent incident : reported) {
                        OfficerStatus free = freeUnitFor(incident, units);
                        if (incident.getGrade() <= 2 && free != null) {
                            chosen = incident;
                            incidentId = incident.getIncidentId();
                            unitId = free.getOfficerId();
                            recommended = recommendation(incident, free);
                            break;
                        }
                    }
                }
                if (recommended == null || !Instant.now().isAfter(lastSent.plusSeconds(2))) {
                    continue;
                }
                if (firstRecommended == null || Instant.now().isBefore(firstRecommended.plusSeconds(6))) {
                    // Dispatch recommends, again and again: in auto mode the simulated dispatcher would take it within 0.1 s.
                    dispatchAndConsole.send(new ProducerRecord<>(Topic.RECOMMENDATIONS.topicName(), incidentId,
                            recommendations.serialize(Topic.RECOMMENDATIONS.topicName(), recommended)));
                    firstRecommended = firstRecommended == null ? Instant.now() : firstRecommended;
                } else {
                    // Then the person at the console assigns a unit that is free now, sent until it sets off.
                    OfficerStatus free = units.get(unitId).getState() == OfficerState.AVAILABLE ? units.get(unitId)
                            : freeUnitFor(chosen, units);
                    if (free != null) {
                        unitId = free.getOfficerId();
                        fromConsole = Assignment.newBuilder().setIncidentId(incidentId).setAction(AssignmentAction.ASSIGNED)
                                .setOfficerIds(List.of(unitId)).setDecidedAt(Instant.now()).setDispatcherId("alice")
                                .setFollowedRecommendation(false).setOverrideReason("manual test").build();
                        dispatchAndConsole.send(new ProducerRecord<>(Topic.ASSIGNMENTS.topicName(), incidentId,
                                assignmentValues.serialize(Topic.ASSIGNMENTS.topicName(), fromConsole)));
                    }
                }
                dispatchAndConsole.flush();
                lastSent = Instant.now();
            }
        }

        assertThat(incidentId).as("a grade 1 or 2 incident with a free unit came in").isNotNull();
        assertThat(firstRecommended).isNotNull();
        assertThat(fromConsole).as("the console's assignment was sent").isNotNull();
        assertThat(bySimulator).as("assignments the simulated dispatcher made").isEmpty();
        assertThat(setOff).as("the unit the console assigned sets off to the incident").isNotNull();
        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("console assignments followed");
    }

    @Test
    void acceptsAPatrolTaskForAFreeUnitWhichDrivesToTheHotSpotAndDeclinesAMoveUpForAnUnknownOfficer() throws Exception {
        Scenario scenario = ScenarioFile.load("andorra");
        LiveConfig config = LiveConfig.of(KAFKA.bootstrapServers(), registry.uri(), scenario,
                MapSource.resolve(scenario.map(), null, WORK), WORK).withSpeed(300).withDuration(WAIT);
        Deserializer<OfficerStatus> statuses = AvroSerdes.value(OfficerStatus.class, client).deserializer();
        Deserializer<PositionFix> fixes = AvroSerdes.value(PositionFix.class, client).deserializer();
        Deserializer<TaskDecision> decisions = AvroSerdes.value(TaskDecision.class, client).deserializer();
        Serializer<PatrolTaskRecommendation> patrolValues = AvroSerdes.value(PatrolTaskRecommendation.class, client).serializer();
        Serializer<MoveUpRecommendation> moveUpValues = AvroSerdes.value(MoveUpRecommendation.class, client).serializer();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();

        Map<String, OfficerStatus> units = new HashMap<>();
        PatrolTaskRecommendation task = null;
        MoveUpRecommendation moveUp = null;
        GeoPoint start = null;
        GeoPoint target = null;
        Instant lastSent = Instant.EPOCH;
        TaskDecision taskDecision = null;
        TaskDecision moveUpDecision = null;
        List<GeoPoint> route = new ArrayList<>();
        boolean reached = false;
        try (KafkaConsumer<String, byte[]> consumer = consumer("live-simulator-tasks-it", "latest");
             KafkaProducer<String, byte[]> dispatch = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                     new ByteArraySerializer());
             LiveSimulator simulator = new LiveSimulator(config, new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            consumer.subscribe(List.of(Topic.OFFICER_STATUS.topicName(), Topic.TELEMATICS.topicName(),
                    Topic.TASK_DECISIONS.topicName()));
            // From the end of the topics: the other tests' runs may have written to them.
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            simulator.start();
            Instant deadline = Instant.now().plus(WAIT);
            while (!(reached && moveUpDecision != null) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String topic = record.topic();
                    if (topic.equals(Topic.OFFICER_STATUS.topicName())) {
                        OfficerStatus status = statuses.deserialize(topic, record.headers(), record.value());
                        units.put(status.getOfficerId(), status);
                        // The unit's own shift (a break, an incident) took it before it got there: task another.
                        if (task != null && !reached && status.getOfficerId().equals(task.getOfficerId())
                                && status.getState() != OfficerState.AVAILABLE) {
                            task = null;
                        }
                    } else if (topic.equals(Topic.TASK_DECISIONS.topicName())) {
                        TaskDecision decision = decisions.deserialize(topic, record.headers(), record.value());
                        if (task != null && decision.getTaskId().equals(task.getTaskId())) {
                            boolean busyMeanwhile = !decision.getAccepted() && decision.getReason() != null
                                    && decision.getReason().startsWith("officer no longer free");
                            taskDecision = busyMeanwhile ? null : decision;
                            task = busyMeanwhile ? null : task;
                        } else if (moveUp != null && decision.getTaskId().equals(moveUp.getMoveUpId())) {
                            moveUpDecision = decision;
                        }
                    } else if (task != null && record.key().equals(task.getOfficerId())) {
                        GeoPoint at = point(fixes.deserialize(topic, record.headers(), record.value()).getPosition());
                        route.add(at);
                        reached |= taskDecision != null && at.metersTo(target) < 30;
                    }
                }
                if (task == null) {
                    taskDecision = null;
                    route.clear();
                    task = patrolTaskFarAway(units, SHIFT_LEFT);
                    if (task != null) {
                        start = point(units.get(task.getOfficerId()).getPosition());
                        target = point(task.getTarget());
                        moveUp = moveUp == null ? moveUp("NOBODY", task.getTarget()) : moveUp;
                        lastSent = Instant.EPOCH;
                    }
                }
                // Sent again until decided, as the simulator's consumer may join after the first one.
                if (task != null && (taskDecision == null || moveUpDecision == null)
                        && Instant.now().isAfter(lastSent.plusSeconds(2))) {
                    if (taskDecision == null) {
                        dispatch.send(new ProducerRecord<>(Topic.PATROL_TASKS.topicName(), task.getOfficerId(),
                                patrolValues.serialize(Topic.PATROL_TASKS.topicName(), task)));
                    }
                    if (moveUpDecision == null) {
                        dispatch.send(new ProducerRecord<>(Topic.MOVEUPS.topicName(), moveUp.getOfficerId(),
                                moveUpValues.serialize(Topic.MOVEUPS.topicName(), moveUp)));
                    }
                    dispatch.flush();
                    lastSent = Instant.now();
                }
            }
        }

        assertThat(task).as("a free unit to task").isNotNull();
        assertThat(start.metersTo(target)).as("the hot spot is away from the unit").isGreaterThan(1000);
        assertThat(taskDecision).as("the simulated dispatcher's answer to the patrol task").isNotNull();
        assertThat(taskDecision.getAccepted()).as("accepted: %s", taskDecision).isTrue();
        assertThat(taskDecision.getKind()).isEqualTo(TaskKind.PATROL);
        assertThat(taskDecision.getOfficerId()).isEqualTo(task.getOfficerId());
        assertThat(reached).as("the unit's fixes reach the hot spot; fixes %s", route).isTrue();
        GeoPoint from = start;
        GeoPoint to = target;
        assertThat(route).as("fixes along the road on the way, neither at the start nor at the hot spot")
                .anyMatch(p -> p.metersTo(from) > 200 && p.metersTo(to) > 200);
        assertThat(moveUpDecision).as("the answer to a move-up for an officer the force does not have").isNotNull();
        assertThat(moveUpDecision.getAccepted()).isFalse();
        assertThat(moveUpDecision.getReason()).isNotBlank();
        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("tasks accepted");
    }

    @Test
    void inManualModeTheSimulatorAnswersNoTaskAndTheUnitFollowsATaskAcceptedAtTheConsole() throws Exception {
        Scenario scenario = ScenarioFile.load("andorra");
        LiveConfig config = LiveConfig.of(KAFKA.bootstrapServers(), registry.uri(), scenario,
                MapSource.resolve(scenario.map(), null, WORK), WORK).withSpeed(300).withDuration(WAIT).withManual(true);
        Deserializer<OfficerStatus> statuses = AvroSerdes.value(OfficerStatus.class, client).deserializer();
        Deserializer<PositionFix> fixes = AvroSerdes.value(PositionFix.class, client).deserializer();
        Deserializer<TaskDecision> decisions = AvroSerdes.value(TaskDecision.class, client).deserializer();
        Serializer<PatrolTaskRecommendation> patrolValues = AvroSerdes.value(PatrolTaskRecommendation.class, client).serializer();
        Serializer<TaskDecision> decisionValues = AvroSerdes.value(TaskDecision.class, client).serializer();
        ByteArrayOutputStream lines = new ByteArrayOutputStream();

        Map<String, OfficerStatus> units = new HashMap<>();
        List<TaskDecision> bySimulator = new ArrayList<>();
        PatrolTaskRecommendation task = null;
        Instant lastSent = Instant.EPOCH;
        boolean reached = false;
        try (KafkaConsumer<String, byte[]> consumer = consumer("live-simulator-manual-tasks-it", "latest");
             KafkaProducer<String, byte[]> dispatchAndConsole = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                     new ByteArraySerializer());
             LiveSimulator simulator = new LiveSimulator(config, new PrintStream(lines, true, StandardCharsets.UTF_8))) {
            consumer.subscribe(List.of(Topic.OFFICER_STATUS.topicName(), Topic.TELEMATICS.topicName(),
                    Topic.TASK_DECISIONS.topicName()));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            simulator.start();
            Instant deadline = Instant.now().plus(WAIT);
            while (!reached && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String topic = record.topic();
                    if (topic.equals(Topic.OFFICER_STATUS.topicName())) {
                        OfficerStatus status = statuses.deserialize(topic, record.headers(), record.value());
                        units.put(status.getOfficerId(), status);
                    } else if (topic.equals(Topic.TASK_DECISIONS.topicName())) {
                        TaskDecision decision = decisions.deserialize(topic, record.headers(), record.value());
                        if (!"alice".equals(decision.getDispatcherId())) {
                            bySimulator.add(decision);
                        }
                    } else if (task != null && record.key().equals(task.getOfficerId())) {
                        // Once is enough: a later fix of the same poll (the unit patrolling about the spot) must not undo it.
                        reached |= point(fixes.deserialize(topic, record.headers(), record.value()).getPosition())
                                .metersTo(point(task.getTarget())) < 30;
                    }
                }
                task = task == null ? patrolTaskFarAway(units, Duration.ZERO) : task;
                // Dispatch tasks, then the person at the console accepts; both sent again until the unit is there.
                if (task != null && Instant.now().isAfter(lastSent.plusSeconds(2))) {
                    dispatchAndConsole.send(new ProducerRecord<>(Topic.PATROL_TASKS.topicName(), task.getOfficerId(),
                            patrolValues.serialize(Topic.PATROL_TASKS.topicName(), task)));
                    dispatchAndConsole.flush();
                    Thread.sleep(500);
                    TaskDecision accepted = TaskDecision.newBuilder().setTaskId(task.getTaskId()).setKind(TaskKind.PATROL)
                            .setOfficerId(task.getOfficerId()).setAccepted(true).setDecidedAt(Instant.now())
                            .setDispatcherId("alice").build();
                    dispatchAndConsole.send(new ProducerRecord<>(Topic.TASK_DECISIONS.topicName(), task.getOfficerId(),
                            decisionValues.serialize(Topic.TASK_DECISIONS.topicName(), accepted)));
                    dispatchAndConsole.flush();
                    lastSent = Instant.now();
                }
            }
        }

        assertThat(task).as("a free unit to task").isNotNull();
        assertThat(reached).as("the unit's fixes reach the hot spot the console accepted").isTrue();
        assertThat(bySimulator).as("decisions the simulated dispatcher made").isEmpty();
        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("console tasks followed");
    }

    /**
     * Plays dispatch: a patrol task to a hot spot far from the unit (where the farthest unit is), or null. With a
     * {@code shiftLeft}, like dispatch's tasking, it picks the free unit with the most shift left, and at least that
     * much: a unit whose shift ends on the way goes off duty and starts its next shift at its base, never reaching the
     * hot spot (CI failed on that). With none, the first free unit (the manual-mode test, whose console re-sends its
     * acceptance until the unit is there).
     */
    private static PatrolTaskRecommendation patrolTaskFarAway(Map<String, OfficerStatus> units, Duration shiftLeft) {
        Instant now = units.values().stream().map(OfficerStatus::getChangedAt).max(Comparator.naturalOrder())
                .orElse(Instant.MAX);
        List<OfficerStatus> free = units.values().stream().filter(u -> u.getState() == OfficerState.AVAILABLE
                && u.getPosition() != null).toList();
        OfficerStatus unit = shiftLeft.isZero() ? free.stream().findFirst().orElse(null)
                : free.stream().filter(u -> u.getShiftEnd() != null && u.getShiftEnd().isAfter(now.plus(shiftLeft)))
                        .max(Comparator.comparing(OfficerStatus::getShiftEnd)).orElse(null);
        if (unit == null || units.size() <= 5) {
            return null;
        }
        GeoPoint from = point(unit.getPosition());
        OfficerStatus far = units.values().stream().filter(u -> u.getPosition() != null)
                .max(Comparator.comparingDouble(u -> from.metersTo(point(u.getPosition())))).orElseThrow();
        return patrolTask(unit, far.getPosition());
    }

    private static GeoPoint point(org.bluelight.schemas.GeoPoint p) {
        return new GeoPoint(p.getLat(), p.getLon());
    }

    private static PatrolTaskRecommendation patrolTask(OfficerStatus unit, org.bluelight.schemas.GeoPoint target) {
        Instant now = Instant.now();
        return PatrolTaskRecommendation.newBuilder().setTaskId(unit.getOfficerId() + "@" + now.toEpochMilli())
                .setOfficerId(unit.getOfficerId()).setDispatchGroup(unit.getDispatchGroup()).setHotSpotId("HS-TEST")
                .setTrialDay(LocalDate.now()).setTarget(target).setVisitMinutes(15).setStatus(PatrolTaskStatus.TASKED)
                .setReasons(List.of("test")).setTaskedAt(now).setUpdatedAt(now).build();
    }

    private static MoveUpRecommendation moveUp(String officerId, org.bluelight.schemas.GeoPoint target) {
        Instant now = Instant.now();
        return MoveUpRecommendation.newBuilder().setMoveUpId(officerId + "@" + now.toEpochMilli()).setOfficerId(officerId)
                .setDispatchGroup("G").setStatus(MoveUpStatus.RECOMMENDED).setTargetCellId("cell").setTarget(target)
                .setExpectedGain(0.5).setTravelMinutes(5).setReasons(List.of("test")).setRecommendedAt(now)
                .setUpdatedAt(now).build();
    }

    private static OfficerStatus freeUnitFor(IncidentEvent incident, Map<String, OfficerStatus> units) {
        return units.values().stream()
                .filter(u -> u.getState() == OfficerState.AVAILABLE && u.getDispatchGroup().equals(incident.getDispatchGroup())
                        && incident.getOfficersRequired() <= u.getCrewSize())
                .findFirst().orElse(null);
    }

    private static Recommendation recommendation(IncidentEvent incident, OfficerStatus unit) {
        Instant now = incident.getOccurredAt();
        return Recommendation.newBuilder()
                .setRecommendationId(incident.getIncidentId() + "#1").setIncidentId(incident.getIncidentId())
                .setRevision(1).setGrade(incident.getGrade()).setDispatchGroup(incident.getDispatchGroup())
                .setCreatedAt(now).setTrigger(RecommendationTrigger.REPORTED).setStatus(RecommendationStatus.ACTIVE)
                .setTargetSeconds(900).setTargetAt(incident.getReportedAt().plusSeconds(900))
                .setNoCandidateReason(null)
                .setCandidates(List.of(Candidate.newBuilder()
                        .setRank(1).setOfficerIds(List.of(unit.getOfficerId())).setCallSigns(List.of(unit.getCallSign()))
                        .setEtaSeconds(300).setRoadDistanceMeters(3000).setStraightLineMeters(2000).setMeetsTarget(true)
                        .setCrewSize(unit.getCrewSize()).setDrivingStandard(DrivingStandard.STANDARD)
                        .setTransport(Transport.CAR).setEmergencyDriving(true).setScore(300)
                        .setScoreBreakdown(List.of()).setReasons(List.of()).build()))
                .build();
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return consumer("live-simulator-it", "earliest");
    }

    private static KafkaConsumer<String, byte[]> consumer(String group, String offsetReset) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        return p;
    }
}
