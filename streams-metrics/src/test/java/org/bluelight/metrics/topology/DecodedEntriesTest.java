package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class DecodedEntriesTest {

    private final MockProcessorContext<String, String> context = ProcessorStores.context("decoded-test");
    private final KeyValueStore<String, String> store = ProcessorStores.add(context, "entries", Serdes.String());

    @Test
    void writesReachTheStoreAtOnceAndReadsSeeTheLatestWrite() {
        DecodedEntries<String> entries = new DecodedEntries<>(store, 10);

        assertThat(entries.get("a")).isNull();
        entries.put("a", "one");
        assertThat(store.get("a")).isEqualTo("one");
        assertThat(entries.get("a")).isEqualTo("one");
        entries.delete("a");
        assertThat(store.get("a")).isNull();
        assertThat(entries.get("a")).isNull();
    }

    @Test
    void readsValuesDecodedOnceAndTheStoreAgainAfterForgetting() {
        store.put("a", "stored");
        DecodedEntries<String> entries = new DecodedEntries<>(store, 10);
        assertThat(entries.get("a")).isEqualTo("stored");

        store.put("a", "written around");
        assertThat(entries.get("a")).as("answered from memory").isEqualTo("stored");
        entries.forget();
        assertThat(entries.get("a")).isEqualTo("written around");
    }

    @Test
    void keepsAtMostItsCapacityAndReadsTheOthersFromTheStore() {
        DecodedEntries<String> entries = new DecodedEntries<>(store, 2);
        entries.put("a", "1");
        entries.put("b", "2");
        entries.put("c", "3");
        store.put("a", "changed in the store");

        assertThat(entries.get("a")).as("dropped from memory, read again").isEqualTo("changed in the store");
        assertThat(entries.get("c")).isEqualTo("3");
    }
}
