package org.bluelight.ops.cli.trial;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.bluelight.metrics.trial.TrialDayClock;
import org.bluelight.metrics.trial.TrialReport;
import org.bluelight.metrics.trial.TrialSummary;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.HotSpotDayKey;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.bluelight.ops.cli.KafkaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trial report}: reads metrics.hotspot-trial to its end and writes the summary as CSV and a chart. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Summarise the trial per arm (hot-spot-days vs target, mean counts, rate ratios) into a CSV and a PNG chart.")
public final class TrialReportCommand implements Callable<Integer> {

    @Option(names = "--csv", required = true, description = "CSV file to write.")
    Path csv;

    @Option(names = "--chart", required = true, description = "PNG file to write.")
    Path chart;

    @Option(names = "--target", defaultValue = "4042", description = "Target hot-spot-days, both arms (default: ${DEFAULT-VALUE}).")
    int target;

    @Option(names = "--zone", defaultValue = "Europe/London", description = "Trial time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--day-start", defaultValue = "06:00", description = "Local start of a trial day (default: ${DEFAULT-VALUE}).")
    LocalTime dayStart;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        RegistryClient registry = new RegistryClient(RegistryClientConfig.of(kafka.registryUrl()));
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<HotSpotDayKey, HotSpotDay> latest = new HashMap<>();
        try (KafkaConsumer<HotSpotDayKey, HotSpotDay> consumer = new KafkaConsumer<>(props,
                AvroSerdes.key(HotSpotDayKey.class, registry).deserializer(), AvroSerdes.value(HotSpotDay.class, registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.HOTSPOT_TRIAL.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<HotSpotDayKey, HotSpotDay> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        TrialSummary summary = TrialSummary.of(latest.values(), new TrialDayClock(zone, dayStart), Instant.now(), target);
        try (BufferedWriter writer = Files.newBufferedWriter(csv)) {
            TrialReport.writeCsv(summary, writer);
        }
        TrialReport.writeChart(summary, chart);
        System.out.printf("Read %d hot-spot-days; wrote %s and %s%n", latest.size(), csv, chart);
        return 0;
    }
}
