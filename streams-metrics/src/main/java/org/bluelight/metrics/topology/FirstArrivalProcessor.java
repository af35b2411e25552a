package org.bluelight.metrics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.IncidentResponse;
import org.bluelight.metrics.response.ResponseInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident versions and arrivals, keyed by incident id, meet in each incident's
 * {@link IncidentResponse} ({@value MetricsTopology#RESPONSES_STORE}); the first arrival's response
 * time goes on as a sample when its grade has a target. State is purged by the inputs' low watermark,
 * reading only what is due: each incident is listed by the time it is kept after
 * ({@value MetricsTopology#RESPONSE_TIMES_STORE}; state of versions without the list is listed at start).
 *
 * <p>Each sample carries this task's low watermark: the least of the latest times of the input
 * partitions its records came from ({@value MetricsTopology#RESPONSE_SOURCES_STORE}), which the KPI
 * task's sample clock is made of.
 */
final class FirstArrivalProcessor implements Processor<String, ResponseInput, String, GroupInput> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstArrivalProcessor.class);

    private final MetricsSettings settings;
    private final Counter rejected;
    private final int expectedInputs;
    private InputWatermark inputs;
    private ProcessorContext<String, GroupInput> context;
    private KeyValueStore<String, IncidentResponse> responses;
    private TimeIndex keptSince;
    private String source;

    FirstArrivalProcessor(MetricsSettings settings, MeterRegistry meters) {
        this.settings = settings;
        // Arrivals come from every status partition, incidents from at least one incident partition (a sample needs both).
        this.expectedInputs = settings.inputPartitions() == 0 ? 0 : settings.inputPartitions() + 1;
        this.rejected = Counter.builder("bluelight.metrics.response.rejected")
                .description("Incidents whose response time cannot be measured (no dispatch group, arrival before report)")
                .register(meters);
    }

    @Override
    public void init(ProcessorContext<String, GroupInput> context) {
        this.context = context;
        responses = context.getStateStore(MetricsTopology.RESPONSES_STORE);
        inputs = new InputWatermark(context.getStateStore(MetricsTopology.RESPONSE_SOURCES_STORE), expectedInputs);
        source = "first-arrivals-" + context.taskId().partition();
        keptSince = new TimeIndex(context.getStateStore(MetricsTopology.RESPONSE_TIMES_STORE));
        if (keptSince.isEmpty()) {
            listStateWrittenBeforeTheList();
        }
    }

    private void listStateWrittenBeforeTheList() {
        try (KeyValueIterator<String, IncidentResponse> all = responses.all()) {
            all.forEachRemaining(entry -> keptSince.list(entry.key, null, listedAt(entry.value)));
        }
    }

    /** Where a state is listed: a state kept after nothing is due at once. */
    private static long listedAt(IncidentResponse state) {
        return state.keptSince() == null ? 0 : state.keptSince().toEpochMilli();
    }

    @Override
    public void process(Record<String, ResponseInput> record) {
        ResponseInput input = record.value();
        if (input.source() != null && inputs.report(input.source(), record.timestamp())) {
            purgeOnEnteringASweepInterval();
        }
        IncidentResponse stored = responses.get(record.key());
        IncidentResponse state = stored == null ? IncidentResponse.unseen() : stored;
        IncidentResponse.Step step = input.isArrival()
                ? state.onArrival(record.key(), input.arrivedAt())
                : state.onIncident(record.key(), input.reportedAt(), input.grade(), input.dispatchGroup(), input.cancelled());
        responses.put(record.key(), step.state());
        keptSince.list(record.key(), stored == null ? null : listedAt(stored), listedAt(step.state()));
        step.rejection().ifPresent(reason -> {
            // Found only here, after the repartition that brings an arrival to its incident, so not dead-lettered.
            rejected.increment();
            LOG.warn("No response time: {}", reason);
        });
        step.sample()
                .filter(sample -> settings.responseTargets().targetFor(sample.grade()).isPresent())
                .ifPresent(sample -> context.forward(record.withValue(
                        GroupInput.sample(sample, source, inputs.low().isPresent() ? inputs.low().getAsLong() : null))));
    }

    /**
     * Purges by the inputs' low watermark, not stream time: stream time is the latest record of any input partition,
     * days ahead of the others in a replay, and purging by it dropped incidents whose arrivals were still to come.
     */
    private void purgeOnEnteringASweepInterval() {
        OptionalLong low = inputs.sweepDue(settings.retention().sweepInterval(settings.retention().firstArrivals()));
        if (low.isEmpty()) {
            return;
        }
        Instant cutoff = Instant.ofEpochMilli(low.getAsLong()).minus(settings.retention().firstArrivals());
        for (TimeIndex.Listed listed : keptSince.upTo(cutoff.toEpochMilli())) {
            IncidentResponse state = responses.get(listed.key());
            if (state == null || state.expiredBefore(cutoff)) {
                responses.delete(listed.key());
                keptSince.remove(listed);
            }
        }
    }
}
