package org.bluelight.ops.bench.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bluelight.runtime.deadletter.DeadLetterHeaders;
import org.bluelight.schemas.Topic;

/** Dead letters on every {@code .dlq} topic: counts per topic and reason, and which app dead-lettered which source offset. */
record DeadLetters(SortedMap<String, SortedMap<String, Long>> byTopicAndReason, Set<String> sources) {

    static DeadLetters read(String bootstrapServers) throws Exception {
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        Set<String> sources = new HashSet<>();
        List<String> dlqTopics;
        try (Admin admin = FuzzCampaign.admin(bootstrapServers)) {
            dlqTopics = admin.listTopics().names().get().stream().filter(name -> name.endsWith(Topic.DLQ_SUFFIX)).sorted().toList();
        }
        for (String dlq : dlqTopics) {
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, dlq)) {
                String reason = header(record, DeadLetterHeaders.REASON);
                counts.computeIfAbsent(dlq, t -> new TreeMap<>()).merge(reason == null ? "<no reason>" : reason, 1L, Long::sum);
                sources.add(header(record, DeadLetterHeaders.APPLICATION_ID) + "|" + header(record, DeadLetterHeaders.TOPIC)
                        + "|" + header(record, DeadLetterHeaders.PARTITION) + "|" + header(record, DeadLetterHeaders.OFFSET));
            }
        }
        return new DeadLetters(counts, sources);
    }

    boolean contains(String app, String topic, int partition, long offset) {
        return sources.contains(app + "|" + topic + "|" + partition + "|" + offset);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
