package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InputWatermarkTest {

    private static final long DAY = 86_400_000;
    private static final long DAY_ONE = 19_000 * DAY;

    private KeyValueStore<String, Long> stored;

    @BeforeEach
    void store() {
        MockProcessorContext<?, ?> context = ProcessorStores.context("input-watermark-test");
        stored = ProcessorStores.add(context, "sources", Serdes.Long());
    }

    @Test
    void storesAPartitionWhenFirstHeardFromAndItsLaterTimesAtEachSave() {
        InputWatermark watermark = new InputWatermark(stored, 0);
        watermark.report("cad.incidents-0", 100);
        watermark.report("crime.records-1", 40);
        watermark.report("cad.incidents-0", 900);

        assertThat(watermark.low()).hasValue(40);
        assertThat(stored.get("cad.incidents-0")).as("its first time; the later one is not saved yet").isEqualTo(100);
        assertThat(stored.get("crime.records-1")).isEqualTo(40);

        watermark.save();
        assertThat(stored.get("cad.incidents-0")).isEqualTo(900);
    }

    @Test
    void aRestartedTaskWaitsForThePartitionsItHeardFrom() {
        InputWatermark before = new InputWatermark(stored, 0);
        before.report("cad.incidents-0", 100);
        before.report("crime.records-1", 40);
        before.report("crime.records-1", 70);

        InputWatermark after = new InputWatermark(stored, 0);
        after.report("cad.incidents-0", 5_000);

        assertThat(after.low()).as("the crimes' partition as last saved: lower, never higher").hasValue(40);
        assertThat(after.report("cad.incidents-0", 5_000)).as("no change").isFalse();
    }

    @Test
    void aSweepIsDueOncePerIntervalTheWatermarkEntersAndSavesTheTimes() {
        InputWatermark watermark = new InputWatermark(stored, 0);
        Duration day = Duration.ofDays(1);
        watermark.report("cad.incidents-0", DAY_ONE);
        assertThat(watermark.sweepDue(day)).hasValue(DAY_ONE);
        watermark.report("cad.incidents-0", DAY_ONE + 3_600_000);
        assertThat(watermark.sweepDue(day)).as("same day").isEmpty();
        assertThat(stored.get("cad.incidents-0")).isEqualTo(DAY_ONE);

        watermark.report("cad.incidents-0", DAY_ONE + 2 * DAY);
        assertThat(watermark.sweepDue(day)).hasValue(DAY_ONE + 2 * DAY);
        assertThat(stored.get("cad.incidents-0")).as("saved at the sweep").isEqualTo(DAY_ONE + 2 * DAY);

        // A partition first heard from a day behind drops the watermark; rising again through a swept day sweeps nothing.
        watermark.report("crime.records-0", DAY_ONE + DAY);
        assertThat(watermark.sweepDue(day)).isEmpty();
        watermark.report("crime.records-0", DAY_ONE + 2 * DAY + 60_000);
        assertThat(watermark.sweepDue(day)).isEmpty();
        watermark.report("crime.records-0", DAY_ONE + 3 * DAY);
        watermark.report("cad.incidents-0", DAY_ONE + 3 * DAY);
        assertThat(watermark.sweepDue(day)).hasValue(DAY_ONE + 3 * DAY);
    }

    @Test
    void knowsNothingUntilTheExpectedPartitionsReported() {
        InputWatermark watermark = new InputWatermark(stored, 2);
        watermark.report("cad.incidents-0", 100);
        assertThat(watermark.low()).isEmpty();

        watermark.report("officer.status-0", 50);
        assertThat(watermark.low()).hasValue(50);
    }
}
