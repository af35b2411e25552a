package org.bluelight.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every state restore ({@code bluelight_state_restores_total{store}}) and raises the alarm
 * when one store partition is restored again and again ({@link RepeatedRestores}): logged at ERROR
 * and counted in {@code bluelight_state_restores_repeated_total{store}}, for an operator to look at
 * the records the task is stuck on.
 */
public final class RestoreAlarm implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreAlarm.class);

    private final String applicationId;
    private final RepeatedRestores repeated;
    private final MeterRegistry meters;
    private final Clock clock;

    public RestoreAlarm(String applicationId, RepeatedRestores repeated, MeterRegistry meters, Clock clock) {
        this.applicationId = applicationId;
        this.repeated = repeated;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void onRestoreStart(TopicPartition changelog, String storeName, long startingOffset, long endingOffset) {
        Counter.builder("bluelight.state.restores").description("State store partitions restored from their changelog")
                .tag("store", storeName).register(meters).increment();
        int recent = repeated.restoreStarted(storeName, changelog.partition(), clock.instant());
        if (repeated.alarming(recent)) {
            Counter.builder("bluelight.state.restores.repeated")
                    .description("Restores of a store partition restored again and again: a task that keeps failing")
                    .tag("store", storeName).register(meters).increment();
            LOG.error("{}: store {} partition {} restored {} times within {}: its task keeps failing (an aborted or timed-out "
                    + "transaction, e.g. a record whose processing outlasts transaction.timeout.ms) and retries the same records",
                    applicationId, storeName, changelog.partition(), recent, repeated.window());
        }
    }

    @Override
    public void onBatchRestored(TopicPartition changelog, String storeName, long batchEndOffset, long numRestored) {
        // Only the start of a restore tells of a failing task.
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String storeName, long totalRestored) {
        // As above.
    }
}
