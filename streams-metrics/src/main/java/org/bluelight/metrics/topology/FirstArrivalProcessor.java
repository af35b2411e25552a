package org.bluelight.metrics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.IncidentResponse;
import org.bluelight.metrics.response.ResponseInput;
import org.bluelight.metrics.response.ResponseSample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incident versions and arrivals, keyed by incident id, meet in each incident's
 * {@link IncidentResponse} ({@value MetricsTopology#RESPONSES_STORE}); the first arrival's response
 * time goes on as a sample when its grade has a target. State is purged on stream time.
 */
final class FirstArrivalProcessor implements Processor<String, ResponseInput, String, ResponseSample> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstArrivalProcessor.class);

    private final MetricsSettings settings;
    private final Counter rejected;
    private ProcessorContext<String, ResponseSample> context;
    private KeyValueStore<String, IncidentResponse> responses;

    FirstArrivalProcessor(MetricsSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.rejected = Counter.builder("bluelight.metrics.response.rejected")
                .description("Incidents whose response time cannot be measured (no dispatch group, arrival before report)")
                .register(meters);
    }

    @Override
    public void init(ProcessorContext<String, ResponseSample> context) {
        this.context = context;
        responses = context.getStateStore(MetricsTopology.RESPONSES_STORE);
        context.schedule(settings.retention().sweepInterval(settings.retention().firstArrivals()), PunctuationType.STREAM_TIME, this::purge);
    }

    @Override
    public void process(Record<String, ResponseInput> record) {
        ResponseInput input = record.value();
        IncidentResponse state = responses.get(record.key());
        state = state == null ? IncidentResponse.unseen() : state;
        IncidentResponse.Step step = input.isArrival()
                ? state.onArrival(record.key(), input.arrivedAt())
                : state.onIncident(record.key(), input.reportedAt(), input.grade(), input.dispatchGroup(), input.cancelled());
        responses.put(record.key(), step.state());
        step.rejection().ifPresent(reason -> {
            // Found only here, after the repartition that brings an arrival to its incident, so not dead-lettered.
            rejected.increment();
            LOG.warn("No response time: {}", reason);
        });
        step.sample()
                .filter(sample -> settings.responseTargets().targetFor(sample.grade()).isPresent())
                .ifPresent(sample -> context.forward(record.withValue(sample)));
    }

    private void purge(long streamTime) {
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(settings.retention().firstArrivals());
        StoreScan.keysWhere(responses, response -> response.expiredBefore(cutoff)).forEach(responses::delete);
    }
}
