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
            samples.add(new SoakSample(m, heap.apply(m), Map.of("dispatch", Map.of("officers", new StoreFigures(1000L, 1000L, storeBytes.apply(m)))),
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
        assertThat(growingStores.failures()).singleElement().asString().startsWith("dispatch officers entries grew");

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
        long unknown = StoreEntries.UNKNOWN;
        assertThat(stores).containsOnlyKeys("officers", "closed", "kpi-windows")
                .containsEntry("officers", new StoreFigures(5120, 150, unknown))
                .containsEntry("closed", new StoreFigures(0, 0, unknown))
                .containsEntry("kpi-windows", new StoreFigures(0, 7, unknown));
        assertThat(StoreFigures.sum(stores.values())).isEqualTo(new StoreFigures(5120, 157, unknown));
        assertThat(StoreFigures.sum(List.of(new StoreFigures(1, 2, 3), new StoreFigures(10, 20, 30))))
                .isEqualTo(new StoreFigures(11, 22, 33));
    }

    @Test
    void storesAreJudgedByExactEntriesNotRocksDbsBytesOrEstimateAndTheGrowingOneIsNamed() {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 1; m <= 20; m++) {
            samples.add(new SoakSample(m, 1000, Map.of("metrics", Map.of(
                    // RocksDB bytes and estimate grow with overwrites while the entries stay put: steady.
                    "response-windows", new StoreFigures(1000L * m, 10L * m, 40),
                    "fsu-calls", new StoreFigures(5000, 50, 100L + 10L * m))), Map.of("metrics", 100L), m, m));
        }
        SoakVerdict verdict = SoakVerdict.of(samples);
        assertThat(verdict.failures()).singleElement().asString().startsWith("metrics fsu-calls entries grew")
                .contains("(160 -> 300;");
        assertThat(verdict.figures()).contains("metrics: 1 store(s) flat (entries within 5%)");
    }

    @Test
    void aStoreStillFillingItsRetentionIsReportedNotJudgedAndAMinuteWithoutACountIsLeftOut() {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 1; m <= 20; m++) {
            long ledger = m == 10 ? StoreEntries.UNKNOWN : 100L * m;
            samples.add(new SoakSample(m, 1000, Map.of("metrics", Map.of(
                    "trial-ledger", new StoreFigures(0, 0, ledger))), Map.of("metrics", 100L), m, m));
        }
        SoakVerdict verdict = SoakVerdict.of(samples, Map.of("metrics/trial-ledger", "120 days"));
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.figures()).anySatisfy(f -> assertThat(f).startsWith("metrics trial-ledger fills its retention (120 days)")
                .endsWith("(600 -> 2000)"));
        assertThat(SoakVerdict.of(samples).failures()).singleElement().asString().startsWith("metrics trial-ledger entries grew");
    }

    @Test
    void onlyStoresKeptLongerThanTheRunsSimulatedTimeAreExpectedToFill() {
        assertThat(RetainedStores.fillingOver(java.time.Duration.ofDays(2)))
                .containsKeys("bluelight-metrics/trial-ledger", "bluelight-metrics/response-first-arrivals", "bluelight-metrics/fsu-calls",
                        "bluelight-metrics/hotspot-days");
        assertThat(RetainedStores.fillingOver(java.time.Duration.ofDays(30)))
                .doesNotContainKey("bluelight-metrics/response-first-arrivals")
                .containsKey("bluelight-metrics/trial-ledger");
    }

    private static List<SoakSample> storeMinutes(IntFunction<Map<String, Map<String, StoreFigures>>> stores) {
        List<SoakSample> samples = new ArrayList<>();
        for (int m = 1; m <= 60; m++) {
            samples.add(new SoakSample(m, 1000, stores.apply(m), Map.of("dispatch", 100L), 4L * m, m));
        }
        return samples;
    }

    private static StoreFigures entries(long entries) {
        return new StoreFigures(0, 0, entries);
    }

    @Test
    void aStoreOfAFewEntriesDoesNotFailOnNoiseUnlessTheFloorIsLowered() {
        // 1 entry, then 2 from minute 40: +100% relative, one entry absolute.
        List<SoakSample> samples = storeMinutes(m -> Map.of("dispatch", Map.of("group-backlog", entries(m < 40 ? 1 : 2))));
        assertThat(SoakVerdict.of(samples).failures()).isEmpty();
        assertThat(SoakVerdict.of(samples, Map.of(), OpenWork.NONE, 0).failures()).singleElement().asString()
                .startsWith("dispatch group-backlog entries grew").contains("(1 -> 2;");

        List<SoakSample> leaking = storeMinutes(m -> Map.of("dispatch", Map.of("group-backlog", entries(m))));
        assertThat(SoakVerdict.of(leaking).failures()).singleElement().asString().startsWith("dispatch group-backlog entries grew");
    }

    @Test
    void aStoreBoundedByOpenWorkIsJudgedByItsGrowthBeyondTheOpenIncidents() {
        OpenWork openWork = new OpenWork("dispatch/incident-groups", Map.of("dispatch/latest-recommendations", 1, "dispatch/cases", 2));
        // The force falls behind: open incidents 6 -> 65; a recommendation per open incident but one, and
        // cases at two entries per open incident, follow them.
        List<SoakSample> behind = storeMinutes(m -> Map.of("dispatch", Map.of("incident-groups", entries(5 + m),
                "latest-recommendations", entries(4 + m), "cases", entries(10 + 2L * m))));
        SoakVerdict verdict = SoakVerdict.of(behind, Map.of(), openWork, 10);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.figures())
                .anySatisfy(f -> assertThat(f).startsWith("open incidents (dispatch/incident-groups, the measure of open work")
                        .endsWith("21 -> 65, +44 of the 176 incidents written meanwhile"))
                .anySatisfy(f -> assertThat(f).startsWith("dispatch latest-recommendations bounded by open work (1 per open incident): entries 20 -> 64, +0 beyond"))
                .anySatisfy(f -> assertThat(f).startsWith("dispatch cases bounded by open work (2 per open incident): entries 42 -> 130, +0 beyond"));
        // Without the open work the same stores are judged growing.
        assertThat(SoakVerdict.of(behind, Map.of(), OpenWork.NONE, 10).failures()).hasSize(3);

        // Recommendations kept after their incidents close grow beyond the open incidents: a leak.
        List<SoakSample> leaking = storeMinutes(m -> Map.of("dispatch", Map.of("incident-groups", entries(5 + m),
                "latest-recommendations", entries(4 + 3L * m))));
        assertThat(SoakVerdict.of(leaking, Map.of(), openWork, 10).failures()).singleElement().asString()
                .startsWith("dispatch latest-recommendations bounded by open work (1 per open incident): entries 52 -> 184, +88 beyond");
    }
    @Test
    void aStoreMirroringTheReachSetsIsJudgedByEntriesNoReachBacks() {
        StoreRules rules = new StoreRules(Map.of(), OpenWork.NONE, Map.of("coverage/cell-officers", "coverage/reach (cells)"),
                Map.of(), 10);
        // Officers drive into denser parts: their reach sets, and the store with them, grow by 10%.
        List<SoakSample> moving = storeMinutes(m -> Map.of("coverage", Map.of("cell-officers", entries(2_500 + 5L * m + m % 3),
                "reach (cells)", entries(2_500 + 5L * m))));
        SoakVerdict verdict = SoakVerdict.of(moving, rules);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.figures()).anySatisfy(f -> assertThat(f)
                .startsWith("coverage cell-officers mirrors reach (cells): entries 2581 -> 2800, members 2580 -> 2800, +0 beyond"));
        assertThat(SoakVerdict.of(moving).failures()).anySatisfy(f -> assertThat(f).startsWith("coverage cell-officers entries grew"));

        // Entries kept after their officer's reach moved on: a leak.
        List<SoakSample> leaking = storeMinutes(m -> Map.of("coverage", Map.of("cell-officers", entries(2_500 + 5L * m),
                "reach (cells)", entries(2_500))));
        assertThat(SoakVerdict.of(leaking, rules).failures()).singleElement().asString()
                .startsWith("coverage cell-officers mirrors reach (cells)").contains("+220 beyond them");
    }

    @Test
    void aStoreWithABoundOfItsOwnIsJudgedOnStayingWithinIt() {
        StoreRules rules = new StoreRules(Map.of(), OpenWork.NONE, Map.of(),
                Map.of("dispatch/tasking-ledger", Map.of("dispatch/tasking-officers", 1, "dispatch/tasking-hotspots", 2)), 10);
        // Officers' last move-ups accumulate up to one each, and today's visits stay within two per hot spot.
        List<SoakSample> filling = storeMinutes(m -> Map.of("dispatch", Map.of("tasking-ledger", entries(Math.min(28, m / 2) + m % 10),
                "tasking-officers", entries(28), "tasking-hotspots", entries(5))));
        SoakVerdict verdict = SoakVerdict.of(filling, rules);
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.figures()).anySatisfy(f -> assertThat(f)
                .startsWith("dispatch tasking-ledger bounded by 2 x tasking-hotspots + tasking-officers: entries 14 -> 28, bound 38 -> 38"));
        assertThat(SoakVerdict.of(filling).failures()).singleElement().asString().startsWith("dispatch tasking-ledger entries grew");

        // Earlier days' visits kept: beyond the bound.
        List<SoakSample> leaking = storeMinutes(m -> Map.of("dispatch", Map.of("tasking-ledger", entries(20 + m),
                "tasking-officers", entries(28), "tasking-hotspots", entries(5))));
        assertThat(SoakVerdict.of(leaking, rules).failures()).singleElement().asString()
                .startsWith("dispatch tasking-ledger bounded by").endsWith("(over it in 42 of 45 minutes)");
    }
}
