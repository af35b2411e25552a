package org.bluelight.ops.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {

    private static List<SoakSample> minutes(int count, IntFunction<Long> heap, IntFunction<Long> storeBytes, IntFunction<Long> lag) {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 1; m <= count; m++) {
            samples.add(new SoakSample(m, heap.apply(m), Map.of("dispatch", Map.of("officers", new StoreFigures(storeBytes.apply(m), 1000L))),
                    Map.of("dispatch", lag.apply(m)), m, m));
        }
        return samples;
    }

    @Test
    void aSteadyRunPassesWhateverItsWarmUpDid() {
        // The first quarter (warm-up: heap and stores filling, lag while the apps start) is not judged;
        // afterwards a saw-tooth around a flat line is steady.
        SoakVerdict verdict = SoakVerdict.of(minutes(60, m -> m <= 15 ? 100L * m : 1500 + (m % 2) * 30L,
                m -> m <= 15 ? 10L * m : 150 + (m % 3) * 5L, m -> m <= 2 ? 30_000L : 500L));
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.passed()).isTrue();
    }

    @Test
    void growthOverFivePercentOrALaggingMinuteFails() {
        SoakVerdict leaking = SoakVerdict.of(minutes(60, m -> 1000L + 2L * m, m -> 100L, m -> 500L));
        assertThat(leaking.failures()).singleElement().asString().startsWith("heap after GC grew");

        SoakVerdict growingStores = SoakVerdict.of(minutes(60, m -> 1000L, m -> 100L + m, m -> 500L));
        assertThat(growingStores.failures()).singleElement().asString().startsWith("dispatch store bytes grew");

        SoakVerdict lagging = SoakVerdict.of(minutes(60, m -> 1000L, m -> 100L, m -> m == 40 ? 2_000L : 500L));
        assertThat(lagging.failures()).singleElement().asString().contains("lag p99 2000 ms");
    }

    @Test
    void tooShortARunIsNoVerdict() {
        assertThat(SoakVerdict.of(minutes(2, m -> 1L, m -> 1L, m -> 1L)).failures()).singleElement().asString().startsWith("too short");
    }

    @Test
    void storeFiguresSumEachStoresRocksDbPropertiesOverItsTasks() {
        var stores = StoreFigures.byStore("""
                # HELP kafka_stream_state_estimate_num_keys
                kafka_stream_state_estimate_num_keys{rocksdb_state_id="officers",task_id="0_0",} 120.0
                kafka_stream_state_estimate_num_keys{rocksdb_state_id="officers",task_id="0_1",} 30.0
                kafka_stream_state_total_sst_files_size{rocksdb_state_id="officers",task_id="0_0",} 4096.0
                kafka_stream_state_size_all_mem_tables{rocksdb_state_id="officers",task_id="0_0",} 1024.0
                kafka_stream_state_size_all_mem_tables{rocksdb_state_id="closed",task_id="0_2",} NaN
                kafka_stream_state_estimate_num_keys{rocksdb_window_state_id="kpi-windows",task_id="1_0",} 7.0
                jvm_memory_used_bytes{area="heap",id="Tenured Gen",} 9.9E7
                """);
        assertThat(stores).containsOnlyKeys("officers", "closed", "kpi-windows")
                .containsEntry("officers", new StoreFigures(5120, 150))
                .containsEntry("closed", new StoreFigures(0, 0))
                .containsEntry("kpi-windows", new StoreFigures(0, 7));
        assertThat(StoreFigures.sum(stores.values())).isEqualTo(new StoreFigures(5120, 157));
    }

    @Test
    void aGrowingAppNamesTheStoreThatGrewAndNotTheFlatOne() {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 1; m <= 20; m++) {
            samples.add(new SoakSample(m, 1000, Map.of("metrics", Map.of(
                    "fsu-calls", new StoreFigures(1000L * m, 10L * m),
                    "trial-ledger", new StoreFigures(50_000, 400))), Map.of("metrics", 100L), m, m));
        }
        SoakVerdict verdict = SoakVerdict.of(samples);
        assertThat(verdict.failures()).hasSize(2);
        assertThat(verdict.failures().get(0)).startsWith("metrics store bytes grew").contains("fsu-calls +")
                .doesNotContain("trial-ledger");
        assertThat(verdict.failures().get(1)).startsWith("metrics store keys grew").contains("fsu-calls +")
                .doesNotContain("trial-ledger");
    }
}
