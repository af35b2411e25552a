package org.bluelight.schemas;

import java.time.Duration;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic Bluelight reads or writes, with its key and value contracts and its retention.
 *
 * <p>Keys that name one entity (incident, officer, dispatch group, cell, person, hot spot) are
 * plain UTF-8 strings, so any producer (CAD with a StringSerializer, a console consumer) agrees
 * on partitioning. Composite keys are Avro records registered under {@code <topic>-key}. Values
 * are always Avro records registered under {@code <topic>-value}.
 */
public enum Topic {
    INCIDENTS("cad.incidents", String.class, IncidentEvent.class, Duration.ofDays(30)),
    ASSIGNMENTS("cad.assignments", String.class, Assignment.class, Duration.ofDays(30)),
    OFFICER_STATUS("officer.status", String.class, OfficerStatus.class, Duration.ofDays(30)),
    TELEMATICS("officer.telematics", String.class, PositionFix.class, Duration.ofDays(2)),
    CRIME_RECORDS("crime.records", String.class, CrimeRecord.class, null),
    CUSTODY_RECORDS("custody.records", String.class, CustodyRecord.class, null),
    RECOMMENDATIONS("dispatch.recommendations", String.class, Recommendation.class, Duration.ofDays(7)),
    BACKLOG("dispatch.backlog", String.class, BacklogSnapshot.class, null),
    COVERAGE_CELLS("coverage.cells", String.class, CoverageCell.class, null),
    OFFICER_IMPACT("coverage.officer-impact", String.class, OfficerCoverageImpact.class, null),
    RESPONSE_KPIS("metrics.response", ResponseKpiKey.class, ResponseKpi.class, Duration.ofDays(400)),
    HOTSPOT_TRIAL("metrics.hotspot-trial", HotSpotDayKey.class, HotSpotDay.class, null),
    FSU("metrics.fsu", String.class, FsuTally.class, null),
    HOTSPOTS("ref.hotspots", String.class, HotSpot.class, null),
    TRIAL_ALLOCATIONS("ref.trial-allocations", TrialAllocationKey.class, TrialAllocation.class, null);

    /** Suffix of the dead-letter topic that holds a topic's bad input. */
    public static final String DLQ_SUFFIX = ".dlq";

    private final String topicName;
    private final Class<?> keyType;
    private final Class<? extends SpecificRecord> valueType;
    private final Duration retention;

    Topic(String topicName, Class<?> keyType, Class<? extends SpecificRecord> valueType, Duration retention) {
        this.topicName = topicName;
        this.keyType = keyType;
        this.valueType = valueType;
        this.retention = retention;
    }

    /** The Kafka topic name. */
    public String topicName() {
        return topicName;
    }

    /** {@code String.class} for entity-id keys, else the Avro key record class. */
    public Class<?> keyType() {
        return keyType;
    }

    public boolean hasAvroKey() {
        return SpecificRecord.class.isAssignableFrom(keyType);
    }

    public Class<? extends SpecificRecord> valueType() {
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
    public static Topic named(String topicName) {
        Objects.requireNonNull(topicName, "topicName");
        for (Topic topic : values()) {
            if (topic.topicName.equals(topicName)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Unknown topic: " + topicName);
    }
}
