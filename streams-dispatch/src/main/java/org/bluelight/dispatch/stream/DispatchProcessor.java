package org.bluelight.dispatch.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.desk.DeskOutput;
import org.bluelight.dispatch.desk.Dispatcher;
import org.bluelight.dispatch.desk.RejectedInput;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Recommendation;

/**
 * The dispatch desk of the dispatch groups in one partition: hands each event to the
 * {@link Dispatcher} at the record's event time and forwards what it publishes. Stream time also
 * drives a regular check for waiting incidents that pass their target.
 */
final class DispatchProcessor implements Processor<String, GroupEvent, String, SpecificRecord> {

    static final Duration BREACH_CHECK_INTERVAL = Duration.ofSeconds(10);

    private final Recommender recommender;
    private final DeskLimits limits;
    private final CommitOnIncident commit;
    private ProcessorContext<String, SpecificRecord> context;
    private Dispatcher desk;
    private KeyValueStore<String, Recommendation> latest;

    /** @param commit whether to ask for a commit after a recommendation, so it is visible without waiting for the interval */
    DispatchProcessor(Recommender recommender, DeskLimits limits, CommitOnIncident commit) {
        this.recommender = recommender;
        this.limits = limits;
        this.commit = commit;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.desk = new Dispatcher(recommender, new StoreBoard(
                context.getStateStore(DispatchTopology.GROUP_OFFICERS_STORE),
                context.getStateStore(DispatchTopology.CASES_STORE),
                context.getStateStore(DispatchTopology.BACKLOG_STORE)), limits);
        this.latest = context.getStateStore(DispatchTopology.LATEST_RECOMMENDATIONS_STORE);
        context.schedule(BREACH_CHECK_INTERVAL, PunctuationType.STREAM_TIME,
                timestamp -> publish(desk.onClock(Instant.ofEpochMilli(timestamp)), timestamp));
    }

    @Override
    public void process(Record<String, GroupEvent> record) {
        Instant now = Instant.ofEpochMilli(record.timestamp());
        String group = record.key();
        List<DeskOutput> outputs;
        try {
            outputs = handle(record.value(), group, now);
        } catch (RejectedInput rejected) {
            throw new InvalidRecordException(rejected.code(), rejected.getMessage());
        }
        publish(outputs, record.timestamp());
        if (record.value() instanceof GroupEvent.IncidentChanged changed
                && (changed.type() == IncidentEventType.CLOSED || changed.type() == IncidentEventType.CANCELLED)) {
            // The latest recommendation is there for the console while the incident is live; kept after
            // its last word, the store would hold one entry for every incident ever.
            latest.delete(changed.incident().id());
        }
    }

    private List<DeskOutput> handle(GroupEvent event, String group, Instant now) {
        if (event instanceof GroupEvent.OfficerUpdated updated) {
            return desk.onOfficer(updated.officer(), now);
        }
        if (event instanceof GroupEvent.OfficerLeft left) {
            return desk.onOfficerLeft(left.dispatchGroup(), left.officerId(), now);
        }
        if (event instanceof GroupEvent.IncidentChanged changed) {
            return desk.onIncident(changed.incident(), changed.type(), now);
        }
        GroupEvent.AssignmentMade made = (GroupEvent.AssignmentMade) event;
        return desk.onAssignment(group, made.incidentId(), made.action(), made.officerIds(), now);
    }

    private void publish(List<DeskOutput> outputs, long timestamp) {
        for (DeskOutput output : outputs) {
            if (output instanceof DeskOutput.Recommended recommended) {
                Recommendation recommendation = Outbound.recommendation(recommended.recommendation());
                latest.put(recommendation.getIncidentId(), recommendation);
                context.forward(new Record<>(recommendation.getIncidentId(), (SpecificRecord) recommendation, timestamp));
                commit.requestAfter(context, timestamp);
            } else if (output instanceof DeskOutput.BacklogChanged changed) {
                context.forward(new Record<>(changed.dispatchGroup(), (SpecificRecord) Outbound.backlog(changed), timestamp));
            }
        }
    }
}
