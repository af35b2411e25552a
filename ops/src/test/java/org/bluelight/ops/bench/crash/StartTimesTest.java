package org.bluelight.ops.bench.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartTimesTest {

    @Test
    void readsTheFirstRunningAndTheFirstRecommendationOfAStartFromItsLines() {
        StartTimes times = StartTimes.of("dispatch-a", List.of(
                "22:11:07.700 INFO  [main] o.b.runtime.StreamsApp - bluelight-dispatch: CREATED -> REBALANCING (10415 ms after the JVM started, 4880 ms of its CPU)",
                "22:11:13.658 INFO  [ST1] o.b.runtime.StreamsApp - bluelight-dispatch: REBALANCING -> RUNNING (16373 ms after the JVM started, 7360 ms of its CPU)",
                "22:11:16.533 INFO  [ST1] o.b.runtime.FirstRecords - First record written to dispatch.recommendations (19247 ms after the JVM started, 8410 ms of its CPU)",
                "22:11:20.000 INFO  [ST1] o.b.runtime.StreamsApp - bluelight-dispatch: RUNNING -> REBALANCING (22000 ms after the JVM started, 9000 ms of its CPU)",
                "22:11:21.000 INFO  [ST1] o.b.runtime.StreamsApp - bluelight-dispatch: REBALANCING -> RUNNING (23000 ms after the JVM started, 9100 ms of its CPU)"));

        assertThat(times.running()).isEqualTo(new StartTimes.Age(Duration.ofMillis(16373), Duration.ofMillis(7360)));
        assertThat(times.firstOutput()).isEqualTo(new StartTimes.Age(Duration.ofMillis(19247), Duration.ofMillis(8410)));
        assertThat(times).hasToString("dispatch-a's JVM: RUNNING 16.4 s (7.36 s of its CPU), first recommendation written 19.2 s "
                + "(8.41 s of its CPU) after its start");
    }

    @Test
    void aStartThatNeverGotThereSaysSo() {
        StartTimes times = StartTimes.of("dispatch-b", List.of(
                "22:11:07.700 INFO  [main] o.b.runtime.StreamsApp - bluelight-dispatch: CREATED -> REBALANCING (10415 ms after the JVM started, 4880 ms of its CPU)"));

        assertThat(times.running()).isNull();
        assertThat(times.firstOutput()).isNull();
        assertThat(times).hasToString("dispatch-b's JVM: RUNNING never, first recommendation written never after its start");
    }
}
