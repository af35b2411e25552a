package org.bluelight.metrics.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.fsu.OfficerEngagement;
import org.bluelight.metrics.fsu.ResourceEvent;

/**
 * Each officer's status changes and assignments, keyed by officer id, through
 * {@link OfficerEngagement} (the officer's current incident, and since when, in
 * {@value MetricsTopology#OFFICER_INCIDENT_STORE}); engagements and releases go on keyed by incident id.
 */
final class EngagementProcessor implements Processor<String, OfficerEngagement.Signal, String, ResourceEvent> {

    private ProcessorContext<String, ResourceEvent> context;
    private KeyValueStore<String, String> currentIncident;

    @Override
    public void init(ProcessorContext<String, ResourceEvent> context) {
        this.context = context;
        currentIncident = context.getStateStore(MetricsTopology.OFFICER_INCIDENT_STORE);
    }

    @Override
    public void process(Record<String, OfficerEngagement.Signal> record) {
        OfficerEngagement.Signal signal = record.value();
        OfficerEngagement.Step step = OfficerEngagement.nextAfterStored(currentIncident.get(signal.officerId()), signal);
        step.events().forEach(event -> context.forward(record.withKey(event.incidentId()).withValue(event)));
        if (step.currentIncident() == null) {
            currentIncident.delete(signal.officerId());
        } else {
            currentIncident.put(signal.officerId(), step.stored());
        }
    }
}
