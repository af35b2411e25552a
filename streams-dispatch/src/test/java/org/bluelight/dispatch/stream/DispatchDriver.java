package org.bluelight.dispatch.stream;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.bluelight.dispatch.app.TaskingSettings;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.DeadLetterTopics;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerCoverageImpact;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.Transport;

/** The dispatch topology in a TopologyTestDriver, with builders for its contract records. */
final class DispatchDriver implements AutoCloseable {

    final TopologyTestDriver driver;
    final TestInputTopic<String, OfficerStatus> status;
    final TestInputTopic<String, PositionFix> telematics;
    final TestInputTopic<String, IncidentEvent> incidents;
    final TestInputTopic<String, Assignment> assignments;
    final TestInputTopic<String, OfficerCoverageImpact> impacts;
    final TestOutputTopic<String, Recommendation> recommendations;
    final TestOutputTopic<String, BacklogSnapshot> backlog;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** @param serdes the app's contract serdes, e.g. the registry-backed ones of {@link AppSerdes#connect} */
    DispatchDriver(AppSerdes serdes, DispatchRules rules, TravelTimes travelTimes, Path stateDir) {
        this(serdes, rules, InputLimits.defaults(), EarlyHold.defaults(), travelTimes, stateDir);
    }

    DispatchDriver(AppSerdes serdes, DispatchRules rules, InputLimits limits, EarlyHold early, TravelTimes travelTimes,
                   Path stateDir) {
        this(serdes, rules, limits, early, travelTimes, TaskingSettings.defaults(), stateDir);
    }

    DispatchDriver(AppSerdes serdes, DispatchRules rules, InputLimits limits, EarlyHold early, TravelTimes travelTimes,
                   TaskingSettings tasking, Path stateDir) {
        StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                "state.dir", stateDir.toString(), "processing.guarantee", "at_least_once")), "dispatch-test", 0);
        Properties props = new DeadLetterQueue(config.applicationId(), true, meters).addTo(config.streamsProperties());
        driver = new TopologyTestDriver(DispatchTopology.build(serdes, rules, limits, early, DeskForwarding.defaults(),
                DeskLimits.defaults(), travelTimes, tasking, meters), props);
        StringSerializer keys = new StringSerializer();
        status = driver.createInputTopic(Topic.OFFICER_STATUS.topicName(), keys, serdes.valueSerde(Topic.OFFICER_STATUS).serializer());
        telematics = driver.createInputTopic(Topic.TELEMATICS.topicName(), keys, serdes.valueSerde(Topic.TELEMATICS).serializer());
        incidents = driver.createInputTopic(Topic.INCIDENTS.topicName(), keys, serdes.valueSerde(Topic.INCIDENTS).serializer());
        assignments = driver.createInputTopic(Topic.ASSIGNMENTS.topicName(), keys, serdes.valueSerde(Topic.ASSIGNMENTS).serializer());
        impacts = driver.createInputTopic(Topic.OFFICER_IMPACT.topicName(), keys, serdes.valueSerde(Topic.OFFICER_IMPACT).serializer());
        recommendations = driver.createOutputTopic(Topic.RECOMMENDATIONS.topicName(), new StringDeserializer(),
                serdes.valueSerde(Topic.RECOMMENDATIONS).deserializer());
        backlog = driver.createOutputTopic(Topic.BACKLOG.topicName(), new StringDeserializer(), serdes.valueSerde(Topic.BACKLOG).deserializer());
    }

    TestOutputTopic<byte[], byte[]> deadLetters(Topic topic) {
        return driver.createOutputTopic(topic.dlqName(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The app's fallback dead-letter topic: a record refused after a repartition goes there in this driver, which runs
     * without the consumer interceptor that stamps where each record was read.
     */
    TestOutputTopic<byte[], byte[]> fallbackDeadLetters() {
        return driver.createOutputTopic(DeadLetterTopics.fallback("dispatch-test"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    static OfficerStatus.Builder unit(String id, OfficerState state, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(id).setCallSign("CS-" + id).setState(state).setChangedAt(at)
                .setCrewSize(1).setDrivingStandard(DrivingStandard.BASIC).setTransport(Transport.CAR)
                .setDispatchGroup("NORTH");
    }

    void send(OfficerStatus.Builder unit) {
        OfficerStatus value = unit.build();
        status.pipeInput(value.getOfficerId(), value, value.getChangedAt());
    }

    void fix(String officerId, double lat, double lon, Instant at) {
        telematics.pipeInput(officerId, PositionFix.newBuilder().setOfficerId(officerId).setFixedAt(at)
                .setPosition(new GeoPoint(lat, lon)).build(), at);
    }

    static IncidentEvent.Builder incident(String id, int grade, Instant reportedAt) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(reportedAt).setReportedAt(reportedAt).setGrade(grade)
                .setCategory(IncidentCategory.VIOLENCE_WITH_INJURY).setDispatchGroup("NORTH");
    }

    void send(IncidentEvent.Builder incident) {
        IncidentEvent value = incident.build();
        incidents.pipeInput(value.getIncidentId(), value, value.getOccurredAt());
    }

    void assign(String incidentId, Instant at, String... officerIds) {
        assignments.pipeInput(incidentId, Assignment.newBuilder().setIncidentId(incidentId)
                .setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of(officerIds)).setDecidedAt(at).build(), at);
    }

    @Override
    public void close() {
        driver.close();
    }
}
