package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class TimeIndexTest {

    private final MockProcessorContext<String, String> context = ProcessorStores.context("time-index-test");
    private final KeyValueStore<String, String> store = ProcessorStores.add(context, "listed", Serdes.String());
    /** The lower bound of every range the index read. */
    private final List<String> rangesFrom = new ArrayList<>();

    @Test
    void listsKeysByTimeAndSweepsThoseDueEarliestFirst() {
        TimeIndex index = new TimeIndex(recording(store));
        index.list("late", null, 3_000);
        index.list("early", null, 1_000);
        index.list("moved", null, 500);
        index.list("moved", 500L, 2_000);

        assertThat(keys(index.upTo(2_000))).containsExactly("early", "moved");
        assertThat(keys(index.upTo(5_000))).containsExactly("early", "moved", "late");
    }

    @Test
    void aSweepReadsFromTheEarliestListingTheLastSweepFoundNotFromTheStoresFirstKey() {
        TimeIndex index = new TimeIndex(recording(store));
        for (int i = 1; i <= 10; i++) {
            index.list("k" + i, null, i * 1_000L);
        }
        index.upTo(6_000).forEach(index::remove);
        index.upTo(8_000).stream().filter(listed -> !listed.key().equals("k8")).forEach(index::remove);
        assertThat(keys(index.upTo(9_000))).containsExactly("k8", "k9");
        index.upTo(9_500);

        // Each sweep steps over what the sweep before it removed, never over everything removed since the start.
        assertThat(rangesFrom).containsExactly(TimeIndex.time(0), TimeIndex.time(1_000), TimeIndex.time(7_000), TimeIndex.time(8_000));
    }

    @Test
    void aKeyListedEarlierThanASweepHasReachedIsStillSwept() {
        TimeIndex index = new TimeIndex(recording(store));
        index.list("a", null, 5_000);
        index.upTo(5_000).forEach(index::remove);
        assertThat(index.upTo(9_000)).isEmpty();

        index.list("late-listed", null, 2_000);
        index.list("before-1970", null, -10);

        assertThat(keys(index.upTo(9_000))).containsExactly("before-1970", "late-listed");
    }

    @Test
    void aSweepUpToATimeBeforeTheEarliestListingReadsNothing() {
        TimeIndex index = new TimeIndex(recording(store));
        index.list("a", null, 5_000);
        index.upTo(4_000);
        int reads = rangesFrom.size();

        assertThat(index.upTo(3_000)).isEmpty();
        assertThat(rangesFrom).hasSize(reads);
        assertThat(keys(index.upTo(5_000))).containsExactly("a");
    }

    @Test
    void aKeyUnlistedAtItsTimeIsNoLongerSwept() {
        TimeIndex index = new TimeIndex(recording(store));
        index.list("a", null, 1_000);
        index.list("b", null, 1_000);
        index.unlist("a", 1_000);

        assertThat(keys(index.upTo(1_000))).containsExactly("b");
        assertThat(index.latest()).hasValue(1_000);
    }

    private static List<String> keys(List<TimeIndex.Listed> listed) {
        return listed.stream().map(TimeIndex.Listed::key).toList();
    }

    /** {@code store}, noting the lower bound of each range read from it. */
    @SuppressWarnings("unchecked")
    private KeyValueStore<String, String> recording(KeyValueStore<String, String> store) {
        return (KeyValueStore<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("range")) {
                        rangesFrom.add((String) args[0]);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
