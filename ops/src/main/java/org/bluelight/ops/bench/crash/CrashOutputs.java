package org.bluelight.ops.bench.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bluelight.dispatch.app.DispatchApp;
import org.bluelight.dispatch.stream.DispatchTopology;
import org.bluelight.ops.bench.fuzz.TopicReader;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.Topic;

/**
 * The outputs of a run as a read_committed reader sees them, in a form two runs can be compared in:
 * every recommendation revision (incident, revision and the whole recommendation), and the latest
 * value of every key of the other output topics. Fields stamped with the wall clock at the moment
 * of writing are left out, since two runs never write at the same moment. Also what the dispatch
 * desk read: every committed record of its repartition topic ({@link #DESK_INPUTS}), which holds
 * each status, fix, incident and assignment that reached a group's desk.
 *
 * @param recommendations per incident, every published revision in topic order
 * @param latest          per topic, per key, the last value
 * @param deskInputs      per dispatch group, every record the desk read (its JSON), sorted: the desk's input as a multiset
 * @param replayed        per incident, every revision the desk publishes when what it read is replayed through it in the
 *                        order it read it ({@link DeskReplay}), in the form of {@code recommendations}
 */
public record CrashOutputs(Map<String, List<String>> recommendations, Map<String, Map<String, String>> latest,
                           Map<String, List<String>> deskInputs, Map<String, List<String>> replayed) {

    /** The dispatch desk's input topic (the apps' runs keep it whole: {@code repartition.purge.interval.ms}). */
    static final String DESK_INPUTS = DispatchApp.APPLICATION_ID + "-" + DispatchTopology.GROUP_EVENTS + "-repartition";

    /** Wall-clock stamps: when a snapshot, a day's counts or a tally was written. */
    private static final Set<String> WRITE_TIME_FIELDS = Set.of("createdAt", "snapshotAt", "updatedAt", "asOf");

    static CrashOutputs read(String bootstrapServers, AppSerdes serdes, List<Topic<?, ?>> topics) {
        Map<String, List<String>> recommendations = new TreeMap<>();
        Map<String, Map<String, String>> latest = new TreeMap<>();
        for (Topic<?, ?> topic : topics) {
            Map<String, String> values = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, topic.topicName())) {
                String key = String.valueOf(decodeKey(serdes, topic, record.key()));
                SpecificRecord value = decodeValue(serdes, topic, record.value());
                String text = value == null ? "<tombstone>" : canonical(value);
                if (topic == Topic.RECOMMENDATIONS && value != null) {
                    Recommendation recommendation = (Recommendation) value;
                    recommendations.computeIfAbsent(recommendation.getIncidentId(), id -> new ArrayList<>())
                            .add(recommendation.getRevision() + " " + text);
                } else {
                    values.put(key, text);
                }
            }
            if (topic != Topic.RECOMMENDATIONS) {
                latest.put(topic.topicName(), values);
            }
        }
        Map<String, List<String>> deskInputs = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(bootstrapServers, DESK_INPUTS)) {
            deskInputs.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), group -> new ArrayList<>())
                    .add(new String(record.value(), StandardCharsets.UTF_8));
        }
        deskInputs.values().forEach(Collections::sort);
        return new CrashOutputs(recommendations, latest, deskInputs, Map.of());
    }

    /** These outputs with the revisions a replay of the desk's input gives. */
    CrashOutputs withReplayed(Map<String, List<String>> revisions) {
        return new CrashOutputs(recommendations, latest, deskInputs, revisions);
    }

    public int recommendationCount() {
        return recommendations.values().stream().mapToInt(List::size).sum();
    }

    public int deskInputCount() {
        return deskInputs.values().stream().mapToInt(List::size).sum();
    }

    private static <K, V extends SpecificRecord> K decodeKey(AppSerdes serdes, Topic<K, V> topic, byte[] key) {
        return key == null ? null : serdes.keySerde(topic).deserializer().deserialize(topic.topicName(), key);
    }

    private static <K, V extends SpecificRecord> V decodeValue(AppSerdes serdes, Topic<K, V> topic, byte[] value) {
        return value == null ? null : serdes.valueSerde(topic).deserializer().deserialize(topic.topicName(), value);
    }

    /** The record as Avro's JSON-like text, with the write-time stamps (at any depth) emptied. */
    static String canonical(SpecificRecord value) {
        return canonical(value, Set.of());
    }

    /** As {@link #canonical(SpecificRecord)}, with the fields named {@code alsoBlank} (at any depth) emptied too. */
    public static String canonical(SpecificRecord value, Set<String> alsoBlank) {
        // A generic copy: a specific one would load the record's enum classes through Avro's trusted-class check.
        GenericRecord copy = (GenericRecord) GenericData.get().deepCopy(value.getSchema(), value);
        blank(copy, alsoBlank);
        return copy.toString();
    }

    private static void blank(Object value, Set<String> alsoBlank) {
        if (value instanceof GenericRecord record) {
            for (Schema.Field field : record.getSchema().getFields()) {
                if (WRITE_TIME_FIELDS.contains(field.name()) || alsoBlank.contains(field.name())) {
                    record.put(field.pos(), null);
                } else {
                    blank(record.get(field.pos()), alsoBlank);
                }
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> blank(item, alsoBlank));
        }
    }
}
