package org.bluelight.runtime.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;

class SchemaWarmUpTest {

    @Test
    void aTopologysWarmUpHasWhatItReadsGlobalStoresIncludedWhatItWritesAndItsStoresChangelogs() {
        StreamsBuilder builder = new StreamsBuilder();
        Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
        builder.globalTable("ref.hotspots", strings);
        builder.stream("officer.status", strings).to("dispatch.backlog");
        builder.stream("cad.incidents", strings)
                .groupBy((key, value) -> value, Grouped.with(Serdes.String(), Serdes.String()).withName("by-group"))
                .count(Materialized.as("incident-counts"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bluelight-dispatch");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");

        SchemaWarmUp warmUp = SchemaWarmUp.of("bluelight-dispatch", builder.build(props).describe());

        assertThat(warmUp.read()).containsExactly("by-group-repartition", "cad.incidents", "officer.status", "ref.hotspots");
        assertThat(warmUp.written()).containsExactly("by-group-repartition", "dispatch.backlog");
        assertThat(warmUp.stores()).containsExactlyEntriesOf(Map.of("incident-counts", "bluelight-dispatch-incident-counts-changelog"));
    }
}
