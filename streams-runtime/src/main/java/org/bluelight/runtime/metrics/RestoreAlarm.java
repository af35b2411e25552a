package org.bluelight.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every state restore ({@code bluelight_state_restores_total{store}}) and raises the alarm
 * when one store partition is restored again and again ({@link RepeatedRestores}): logged at ERROR
 * (once a window per task, however many of its stores are restored) and counted in
 * {@code bluelight_state_restores_repeated_total{store}}, for an operator to look at the records the task
 * is stuck on. A record that kills its task is itself dead-lettered after a few attempts
 * ({@link org.bluelight.runtime.deadletter.PoisonRecords}); a task that keeps failing otherwise (its
 * commit, a punctuation) is only alarmed on.
 */
public final class RestoreAlarm implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreAlarm.class);

    private final String applicationId;
    private final RepeatedRestores repeated;
    private final MeterRegistry meters;
    private final Clock clock;
    /** Each store's subtopology, which with the partition names its task. */
    private final Map<String, Integer> subtopologyOfStore;

    public RestoreAlarm(String applicationId, RepeatedRestores repeated, MeterRegistry meters, Clock clock,
                        TopologyDescription topology) {
        this.applicationId = applicationId;
        this.subtopologyOfStore = subtopologyOfStore(topology);
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
            Integer subtopology = subtopologyOfStore.get(storeName);
            String task = subtopology == null ? storeName + "-" + changelog.partition() : subtopology + "_" + changelog.partition();
            if (repeated.firstAlarm(task, clock.instant())) {
                LOG.error("{}: task {} (store {}) restored {} times within {}: it keeps failing (an aborted or timed-out "
                        + "transaction, a stream thread that died) and retries the same records; a record that fails it "
                        + "record.max.attempts times is dead-lettered as poison-record. Not logged again for this task "
                        + "within {} (counted in bluelight_state_restores_repeated_total)",
                        applicationId, task, storeName, recent, repeated.window(), repeated.window());
            }
        }
    }

    private static Map<String, Integer> subtopologyOfStore(TopologyDescription topology) {
        Map<String, Integer> subtopologies = new HashMap<>();
        for (TopologyDescription.Subtopology subtopology : topology.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    processor.stores().forEach(store -> subtopologies.put(store, subtopology.id()));
                }
            }
        }
        return Map.copyOf(subtopologies);
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
