package org.bluelight.ops.bench.crash;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.test.TestRecord;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.ops.bench.BenchWorkspace;
import org.bluelight.runtime.config.ConfigSource;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;

/**
 * What a run's dispatch desk should have published, from what it read: every committed record of
 * its repartition topic, partition by partition in offset order, through the desk's own topology
 * ({@link DispatchTopology#desk}) in a TopologyTestDriver. Each partition is one desk task with
 * stores of its own, so each gets a driver of its own. The desk decides at each record's time, never
 * the wall clock's, so its recommendations follow from its input alone: a run whose recommendations
 * differ from this lost, repeated or tore a desk transaction across a kill.
 */
final class DeskReplay {

    private DeskReplay() {
    }

    /**
     * @param deskInput the desk's repartition topic as a read_committed reader sees it
     * @param desk      a new desk topology for each partition
     * @param stateDir  where the drivers keep their stores (deleted first)
     * @return per incident, every revision the desk publishes for that input, in the form of {@link CrashOutputs}
     */
    static Map<String, List<String>> recommendations(List<ConsumerRecord<byte[], byte[]>> deskInput, Supplier<Topology> desk,
                                                     AppSerdes serdes, Path stateDir) throws IOException {
        BenchWorkspace.deleteRecursively(stateDir);
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> partitions = deskInput.stream().collect(Collectors.groupingBy(
                ConsumerRecord::partition, TreeMap::new, Collectors.toList()));
        Map<String, List<String>> recommendations = new TreeMap<>();
        partitions.forEach((partition, records) -> {
            StreamsAppConfig config = StreamsAppConfig.from(ConfigSource.of(Map.of(
                    "state.dir", stateDir.resolve("partition-" + partition).toString(), "processing.guarantee", "at_least_once")),
                    "desk-replay", 0);
            // Input the desk refuses is dead-lettered and skipped, as in the app.
            Properties props = new DeadLetterQueue(config.applicationId(), true, new SimpleMeterRegistry())
                    .addTo(config.streamsProperties());
            try (TopologyTestDriver driver = new TopologyTestDriver(desk.get(), props)) {
                TestInputTopic<byte[], byte[]> input = driver.createInputTopic(CrashOutputs.DESK_INPUTS, new ByteArraySerializer(),
                        new ByteArraySerializer());
                records.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset)).forEach(record -> input.pipeInput(
                        new TestRecord<>(record.key(), record.value(), record.headers(), Instant.ofEpochMilli(record.timestamp()))));
                for (Recommendation recommendation : driver.createOutputTopic(Topic.RECOMMENDATIONS.topicName(), new StringDeserializer(),
                        serdes.valueSerde(Topic.RECOMMENDATIONS).deserializer()).readValuesToList()) {
                    recommendations.computeIfAbsent(recommendation.getIncidentId(), id -> new ArrayList<>())
                            .add(recommendation.getRevision() + " " + CrashOutputs.canonical(recommendation));
                }
            }
        });
        return recommendations;
    }
}
