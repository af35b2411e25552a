package org.bluelight.runtime.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.junit.jupiter.api.Test;

class DeadLetterTopicsTest {

    @Test
    void everyExternalSourceTopicNeedsItsDeadLetterTopicButInternalAndGlobalTopicsDoNot() {
        StreamsBuilder builder = new StreamsBuilder();
        Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
        builder.globalTable("ref.hotspots", strings);
        builder.stream("cad.incidents", strings)
                .groupBy((key, value) -> value, Grouped.with(Serdes.String(), Serdes.String()))
                .count();
        builder.stream("officer.status", strings).to("dispatch.backlog");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bluelight-dispatch");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");

        var topics = DeadLetterTopics.of(builder.build(props).describe());

        assertThat(topics).containsExactly("cad.incidents.dlq", "officer.status.dlq");
    }
}
