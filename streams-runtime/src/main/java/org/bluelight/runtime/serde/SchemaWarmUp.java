package org.bluelight.runtime.serde;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.bluelight.runtime.deadletter.DeadLetterTopics;

/**
 * What an app's serdes would ask the registry at each topic's first record, to be asked ahead, while
 * Kafka Streams joins its group: the schemas of the topics it reads, and the ids of the schemas it
 * writes to its output topics and to its stores (a store's values are written under its changelog's
 * subject, {@code <application.id>-<store>-changelog}, logged or not). A schema first registered at
 * the first recommendation cost that recommendation the registry's write, 60 ms on a quiet machine.
 *
 * @param read    topics the topology reads, its global stores' included
 * @param written topics it writes
 * @param stores  the changelog topic of each of its stream tasks' stores, by store name
 */
public record SchemaWarmUp(SortedSet<String> read, SortedSet<String> written, SortedMap<String, String> stores) {

    public SchemaWarmUp {
        read = Collections.unmodifiableSortedSet(new TreeSet<>(read));
        written = Collections.unmodifiableSortedSet(new TreeSet<>(written));
        stores = Collections.unmodifiableSortedMap(new TreeMap<>(stores));
    }

    /** The warm-up of {@code topology}, run as {@code applicationId}. */
    public static SchemaWarmUp of(String applicationId, TopologyDescription topology) {
        SortedSet<String> read = new TreeSet<>();
        SortedSet<String> written = new TreeSet<>();
        SortedMap<String, String> stores = new TreeMap<>();
        DeadLetterTopics.streamTopics(topology, read, written);
        for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> stores.put(store, changelog(applicationId, store)));
                }
            }
        }
        for (TopologyDescription.GlobalStore global : topology.globalStores()) {
            if (global.source().topicSet() != null) {
                read.addAll(global.source().topicSet());
            }
        }
        return new SchemaWarmUp(read, written, stores);
    }

    /** Kafka Streams' name for a store's changelog, which its serdes write under whether or not it is logged. */
    static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }
}
