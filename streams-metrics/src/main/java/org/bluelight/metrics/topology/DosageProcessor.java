package org.bluelight.metrics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.patrol.DosageTracker;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.metrics.patrol.TrackState;
import org.bluelight.metrics.trial.HotSpotDayChange;
import org.bluelight.schemas.PositionFix;

/**
 * Each officer's position fixes, keyed by officer id, through the {@link DosageTracker} (track in
 * {@value MetricsTopology#TRACKS_STORE}); patrol minutes and visits go on keyed by hot-spot-day.
 * A fix older than the officer's last one is counted and skipped.
 */
final class DosageProcessor implements Processor<String, PositionFix, String, HotSpotDayChange> {

    private final DosageTracker tracker;
    private final HotSpotCatalogue hotSpots;
    private final Counter outOfOrder;
    private ProcessorContext<String, HotSpotDayChange> context;
    private KeyValueStore<String, TrackState> tracks;

    DosageProcessor(MetricsSettings settings, HotSpotCatalogue hotSpots, MeterRegistry meters) {
        this.tracker = new DosageTracker(settings.trialClock(), settings.dosage());
        this.hotSpots = hotSpots;
        this.outOfOrder = Counter.builder("bluelight.metrics.telematics.out.of.order")
                .description("Position fixes older than the officer's last fix, not used for dosage").register(meters);
    }

    @Override
    public void init(ProcessorContext<String, HotSpotDayChange> context) {
        this.context = context;
        tracks = context.getStateStore(MetricsTopology.TRACKS_STORE);
    }

    @Override
    public void process(Record<String, PositionFix> record) {
        PositionFix fix = record.value();
        if (fix == null) {
            return;
        }
        Set<String> inside = hotSpots.index().hotSpotsAt(fix.getPosition().getLat(), fix.getPosition().getLon());
        DosageTracker.Step step = tracker.advance(tracks.get(fix.getOfficerId()), fix.getFixedAt(), inside);
        if (step.outOfOrder()) {
            outOfOrder.increment();
            return;
        }
        tracks.put(fix.getOfficerId(), step.state());
        step.dosage().forEach(d -> context.forward(record.withKey(HotSpotDayChange.dayKey(d.zoneId(), d.trialDay()))
                .withValue(HotSpotDayChange.dosage(d.zoneId(), d.trialDay(), d.minutes(), d.visits(), fix.getFixedAt()))));
    }
}
