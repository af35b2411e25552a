package org.bluelight.runtime.time;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which record timestamps an app lets move its stream time. Kafka Streams advances a partition's
 * time to the largest timestamp it has read, before any check runs: one record stamped in year 9999
 * would make every later record late and close every window. A timestamp further ahead than
 * {@code maxAhead} of both the partition's time and the wall clock is therefore not believed: the
 * record is processed at the partition's time (its own event times are checked by the app), and
 * counted in {@value #COUNTER}. Old timestamps pass: a late record moves nothing.
 *
 * <p>Accelerated simulations stay within the bound: their records advance a partition a little at
 * a time, so each is close to the partition's time even when far ahead of the wall clock.
 */
public final class PlausibleTimestamps {

    /** Where {@link #addTo} puts this object for {@link PlausibleTimestampExtractor}. */
    public static final String CONFIG_KEY = "bluelight.plausible.timestamps";
    public static final String COUNTER = "bluelight.implausible.timestamps";
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofHours(6);
    private static final Logger LOG = LoggerFactory.getLogger(PlausibleTimestamps.class);

    private final String applicationId;
    private final long maxAheadMs;
    private final MeterRegistry meterRegistry;
    private final Clock clock;

    public PlausibleTimestamps(String applicationId, Duration maxAhead, MeterRegistry meterRegistry, Clock clock) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("maxAhead must not be negative, was " + maxAhead);
        }
        this.maxAheadMs = maxAhead.toMillis();
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The object put into a streams configuration by {@link #addTo}. */
    static PlausibleTimestamps from(Map<String, ?> configs) {
        if (configs.get(CONFIG_KEY) instanceof PlausibleTimestamps timestamps) {
            return timestamps;
        }
        throw new ConfigException(CONFIG_KEY, configs.get(CONFIG_KEY),
                "PlausibleTimestampExtractor needs the app's PlausibleTimestamps in the streams configuration (StreamsApp adds it)");
    }

    /** Makes this the app's timestamp rule: {@link PlausibleTimestampExtractor} for every source. */
    public Properties addTo(Properties properties) {
        properties.put(CONFIG_KEY, this);
        properties.put(org.apache.kafka.streams.StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG,
                PlausibleTimestampExtractor.class.getName());
        return properties;
    }

    /**
     * The time to process a record at.
     *
     * @param topic         the record's topic, for the count
     * @param timestamp     the record's own timestamp
     * @param partitionTime the largest timestamp taken from its partition so far, negative when none
     */
    public long timestampOf(String topic, long timestamp, long partitionTime) {
        long now = clock.millis();
        long latestBelievable = Math.max(partitionTime, now) + maxAheadMs;
        if (timestamp >= 0 && timestamp <= latestBelievable) {
            return timestamp;
        }
        Counter.builder(COUNTER).description("Records whose timestamp was not believed: processed at their partition's time")
                .tag("application", applicationId).tag("topic", topic).register(meterRegistry).increment();
        LOG.warn("Record on {} stamped {} ms, more than {} ms ahead of its partition's time and the wall clock: processed at {}",
                topic, timestamp, maxAheadMs, partitionTime >= 0 ? partitionTime : now);
        return partitionTime >= 0 ? partitionTime : now;
    }
}
