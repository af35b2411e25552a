package org.bluelight.schemas;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic Bluelight reads or writes, with its key and value contracts and its retention.
 *
 * <p>A topic carries its key and value types, so reading or writing it with the wrong record is a
 * compile error: {@code serdes.consumed(Topic.TELEMATICS)} is a {@code Consumed<String, PositionFix>}.
 *
 * <p>Keys that name one entity (incident, officer, dispatch group, cell, person, hot spot) are
 * plain UTF-8 strings, so any producer (CAD with a StringSerializer, a console consumer) agrees
 * on partitioning. Composite keys are Avro records registered under {@code <topic>-key}. Values
 * are always Avro records registered under {@code <topic>-value}.
 *
 * @param <K> the key type: {@code String} or an Avro key record
 * @param <V> the value contract
 */
public final class Topic<K, V extends SpecificRecord> {

    public static final Topic<String, IncidentEvent> INCIDENTS =
            entity("cad.incidents", IncidentEvent.class, Duration.ofDays(30));
    public static final Topic<String, Assignment> ASSIGNMENTS =
            entity("cad.assignments", Assignment.class, Duration.ofDays(30));
    public static final Topic<String, OfficerStatus> OFFICER_STATUS =
            entity("officer.status", OfficerStatus.class, Duration.ofDays(30));
    public static final Topic<String, PositionFix> TELEMATICS =
            entity("officer.telematics", PositionFix.class, Duration.ofDays(2));
    public static final Topic<String, CrimeRecord> CRIME_RECORDS =
            entity("crime.records", CrimeRecord.class, null);
    public static final Topic<String, CustodyRecord> CUSTODY_RECORDS =
            entity("custody.records", CustodyRecord.class, null);
    public static final Topic<String, Recommendation> RECOMMENDATIONS =
            entity("dispatch.recommendations", Recommendation.class, Duration.ofDays(7));
    public static final Topic<String, BacklogSnapshot> BACKLOG =
            entity("dispatch.backlog", BacklogSnapshot.class, null);
    public static final Topic<String, MoveUpRecommendation> MOVEUPS =
            entity("dispatch.moveups", MoveUpRecommendation.class, null);
    public static final Topic<String, PatrolTaskRecommendation> PATROL_TASKS =
            entity("dispatch.patrol-tasks", PatrolTaskRecommendation.class, null);
    public static final Topic<String, TaskDecision> TASK_DECISIONS =
            entity("cad.task-decisions", TaskDecision.class, Duration.ofDays(30));
    public static final Topic<String, CoverageCell> COVERAGE_CELLS =
            entity("coverage.cells", CoverageCell.class, null);
    public static final Topic<String, OfficerCoverageImpact> OFFICER_IMPACT =
            entity("coverage.officer-impact", OfficerCoverageImpact.class, null);
    public static final Topic<ResponseKpiKey, ResponseKpi> RESPONSE_KPIS =
            new Topic<>("metrics.response", ResponseKpiKey.class, ResponseKpi.class, Duration.ofDays(400));
    public static final Topic<HotSpotDayKey, HotSpotDay> HOTSPOT_TRIAL =
            new Topic<>("metrics.hotspot-trial", HotSpotDayKey.class, HotSpotDay.class, null);
    public static final Topic<String, FsuTally> FSU =
            entity("metrics.fsu", FsuTally.class, null);
    public static final Topic<String, HotSpot> HOTSPOTS =
            entity("ref.hotspots", HotSpot.class, null);
    public static final Topic<TrialAllocationKey, TrialAllocation> TRIAL_ALLOCATIONS =
            new Topic<>("ref.trial-allocations", TrialAllocationKey.class, TrialAllocation.class, null);

    private static final List<Topic<?, ?>> ALL = List.of(
            INCIDENTS, ASSIGNMENTS, OFFICER_STATUS, TELEMATICS, CRIME_RECORDS, CUSTODY_RECORDS,
            RECOMMENDATIONS, BACKLOG, COVERAGE_CELLS, OFFICER_IMPACT, RESPONSE_KPIS, HOTSPOT_TRIAL,
            FSU, HOTSPOTS, TRIAL_ALLOCATIONS, MOVEUPS, PATROL_TASKS, TASK_DECISIONS);

    /** Suffix of the dead-letter topic that holds a topic's bad input. */
    public static final String DLQ_SUFFIX = ".dlq";

    private final String topicName;
    private final Class<K> keyType;
    private final Class<V> valueType;
    private final Duration retention;

    private Topic(String topicName, Class<K> keyType, Class<V> valueType, Duration retention) {
        this.topicName = topicName;
        this.keyType = keyType;
        this.valueType = valueType;
        this.retention = retention;
    }

    private static <V extends SpecificRecord> Topic<String, V> entity(
            String topicName, Class<V> valueType, Duration retention) {
        return new Topic<>(topicName, String.class, valueType, retention);
    }

    /** Every topic, in declaration order. */
    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** {@code String.class} for entity-id keys, else the Avro key record class. */
    public Class<K> keyType() {
        return keyType;
    }

    public boolean hasAvroKey() {
        return SpecificRecord.class.isAssignableFrom(keyType);
    }

    public Class<V> valueType() {
        return valueType;
    }

    /** Compacted topics keep the latest value per key (state and reference data), forever. */
    public boolean compacted() {
        return retention == null;
    }

    /** How long records are kept on a deleting topic; {@code null} for a compacted one. */
    public Duration retention() {
        return retention;
    }

    /** The dead-letter topic for bad records read from this topic. */
    public String dlqName() {
        return topicName + DLQ_SUFFIX;
    }

    public String keySubject() {
        return topicName + "-key";
    }

    public String valueSubject() {
        return topicName + "-value";
    }

    /** The topic with the given Kafka name. */
    public static Topic<?, ?> named(String topicName) {
        Objects.requireNonNull(topicName, "topicName");
        for (Topic<?, ?> topic : ALL) {
            if (topic.topicName.equals(topicName)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Unknown topic: " + topicName);
    }

    @Override
    public String toString() {
        return topicName;
    }
}
