package org.bluelight.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmCpuTest {

    @Test
    void threadsOfOneKindAreSummedUnderTheirNameWithoutIdsAndNumbers() {
        assertThat(JvmCpu.kind("replay-fast-4f25e966-36be-4d9c-9113-7ffe91cd14d7-StreamThread-1-producer"))
                .isEqualTo("replay-fast-*-StreamThread-N-producer");
        JvmCpu before = new JvmCpu(1_000_000_000L, Map.of(1L, 0L, 2L, 100_000_000L), Map.of(1L, "a-N", 2L, "a-N"));
        JvmCpu after = new JvmCpu(3_000_000_000L, Map.of(1L, 500_000_000L, 2L, 300_000_000L, 3L, 1_000_000_000L),
                Map.of(1L, "a-N", 2L, "a-N", 3L, "b"));

        assertThat(after.since(before, 4.0, 8))
                .isEqualTo("process CPU 2.0 s in 4.0 s wall (0.50 cores); threads: b 1.0 s, a-N 0.7 s");
    }
}
