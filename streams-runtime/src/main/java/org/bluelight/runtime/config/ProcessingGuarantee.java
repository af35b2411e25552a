package org.bluelight.runtime.config;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams processing guarantees we run with. */
public enum ProcessingGuarantee {
    EXACTLY_ONCE_V2(StreamsConfig.EXACTLY_ONCE_V2),
    AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

    private final String kafkaName;

    ProcessingGuarantee(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The value of Kafka's {@code processing.guarantee}. */
    public String kafkaName() {
        return kafkaName;
    }

    static ProcessingGuarantee parse(String value, String origin) {
        for (ProcessingGuarantee guarantee : values()) {
            if (guarantee.kafkaName.equals(value)) {
                return guarantee;
            }
        }
        throw new ConfigurationException("Configuration processing.guarantee='" + value + "' (from " + origin
                + ") must be one of " + Arrays.stream(values()).map(ProcessingGuarantee::kafkaName)
                .collect(Collectors.joining(", ")));
    }
}
