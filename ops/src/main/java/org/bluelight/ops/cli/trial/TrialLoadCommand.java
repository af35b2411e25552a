package org.bluelight.ops.cli.trial;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluelight.metrics.patrol.HotSpotFile;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.metrics.trial.Allocation;
import org.bluelight.metrics.trial.TrialSchedule;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.ops.cli.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trial load}: publishes the hot spots and a schedule to the reference topics. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Publish hot spots to ref.hotspots and a schedule CSV (generated or the trial's own list) to ref.trial-allocations.")
public final class TrialLoadCommand implements Callable<Integer> {

    @Option(names = "--hotspots", required = true, description = "GeoJSON FeatureCollection of patrol areas.")
    Path hotSpots;

    @Option(names = "--schedule", required = true, description = "Schedule CSV (trial_day,hot_spot_id,arm[,seed]).")
    Path schedule;

    @Option(names = "--trial-id", defaultValue = "hot-spots", description = "Trial id (default: ${DEFAULT-VALUE}).")
    String trialId;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        List<HotSpot> spots = HotSpotFile.read(hotSpots, trialId);
        PatrolAreaIndex.of(spots); // refuse bad geometry before publishing anything
        TrialSchedule loaded;
        try (BufferedReader reader = Files.newBufferedReader(schedule)) {
            loaded = TrialSchedule.readCsv(reader);
        }
        Set<String> known = spots.stream().map(HotSpot::getHotSpotId).collect(Collectors.toSet());
        List<String> unknown = loaded.allocations().stream().map(Allocation::hotSpotId).filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            System.err.println("Schedule names hot spots missing from " + hotSpots + ": " + unknown);
            return 2;
        }
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(kafka.registryUrl()));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, HotSpot> hotSpotProducer = new KafkaProducer<>(props, new StringSerializer(),
                     AvroSerdes.value(HotSpot.class, registry).serializer());
             KafkaProducer<TrialAllocationKey, TrialAllocation> allocationProducer = new KafkaProducer<>(props,
                     AvroSerdes.key(TrialAllocationKey.class, registry).serializer(),
                     AvroSerdes.value(TrialAllocation.class, registry).serializer())) {
            for (HotSpot spot : spots) {
                hotSpotProducer.send(new ProducerRecord<>(Topic.HOTSPOTS.topicName(), spot.getHotSpotId(), spot));
            }
            Long seed = loaded.seed().orElse(null);
            for (Allocation allocation : loaded.allocations()) {
                allocationProducer.send(new ProducerRecord<>(Topic.TRIAL_ALLOCATIONS.topicName(),
                        new TrialAllocationKey(allocation.trialDay(), allocation.hotSpotId()),
                        new TrialAllocation(trialId, allocation.trialDay(), allocation.hotSpotId(), allocation.arm(), seed)));
            }
            hotSpotProducer.flush();
            allocationProducer.flush();
        }
        System.out.printf("Published %d hot spots and %d allocations%n", spots.size(), loaded.allocations().size());
        return 0;
    }
}
