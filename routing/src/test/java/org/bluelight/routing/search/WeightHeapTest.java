package org.bluelight.routing.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The searches' heap pops its values in order of key, ties included, keeps doing so when reused, and after its
 * entries are filtered and keyed afresh (what a guided search does when a goal is reached).
 */
class WeightHeapTest {

    @Test
    void popsInOrderOfKeyWithTiesAllReturned() {
        Random random = new Random(3);
        WeightHeap heap = new WeightHeap();
        for (int run = 0; run < 3; run++) {
            heap.clear();
            List<double[]> pushed = new ArrayList<>();
            for (int value = 0; value < 5_000; value++) {
                double key = random.nextInt(400) / 4.0; // many equal keys
                heap.push(key, value);
                pushed.add(new double[]{key, value});
            }
            double last = Double.NEGATIVE_INFINITY;
            boolean[] seen = new boolean[pushed.size()];
            for (int i = 0; i < pushed.size(); i++) {
                double key = heap.peekKey();
                int value = heap.pop();
                assertThat(key).isGreaterThanOrEqualTo(last).isEqualTo(pushed.get(value)[0]);
                assertThat(seen[value]).as("value %d popped twice", value).isFalse();
                seen[value] = true;
                last = key;
            }
            assertThat(heap.isEmpty()).isTrue();
        }
    }

    @Test
    void popsInterleavedWithPushesAsADijkstraSearchDoes() {
        Random random = new Random(8);
        WeightHeap heap = new WeightHeap();
        heap.push(0, 0);
        double last = 0;
        int popped = 0;
        int next = 1;
        while (!heap.isEmpty()) {
            double key = heap.peekKey();
            heap.pop();
            assertThat(key).isGreaterThanOrEqualTo(last);
            last = key;
            popped++;
            for (int i = 0; i < 3 && next < 20_000; i++)
                heap.push(key + random.nextInt(5), next++);
        }
        assertThat(popped).isEqualTo(20_000);
    }

    @Test
    void dropsTheEntriesRefusedAndPopsTheRestByTheirNewKeys() {
        WeightHeap heap = new WeightHeap();
        for (int value = 0; value < 100; value++)
            heap.push(value, value);
        heap.retain((value, key) -> value % 2 == 0 && key == value);
        heap.rebuild(value -> 1000 - value); // the order turns round
        for (int value = 98; value >= 0; value -= 2) {
            assertThat(heap.peekKey()).isEqualTo(1000 - value);
            assertThat(heap.pop()).isEqualTo(value);
        }
        assertThat(heap.isEmpty()).isTrue();
    }
}
