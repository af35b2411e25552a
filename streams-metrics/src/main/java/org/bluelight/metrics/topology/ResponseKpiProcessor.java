package org.bluelight.metrics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.GradeWindow;
import org.bluelight.metrics.response.GroupAvailability;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.KpiWindowRules;
import org.bluelight.metrics.response.KpiWindows;
import org.bluelight.metrics.response.ResponseKpis;
import org.bluelight.metrics.response.ResponseSample;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per dispatch group: the response times of each grade's hourly and daily windows
 * ({@value MetricsTopology#KPI_WINDOWS_STORE}) and the group's available and busy officers
 * ({@value MetricsTopology#AVAILABILITY_STORE}). Publishes a window's KPI at each new sample, and
 * its final figures once it closes; {@link KpiWindowRules} decides lateness, closing and dropping,
 * by the sample clock ({@value MetricsTopology#SAMPLE_CLOCK_STORE}) and stream time.
 */
final class ResponseKpiProcessor implements Processor<String, GroupInput, ResponseKpiKey, ResponseKpi> {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseKpiProcessor.class);
    /** The sample clock store's one key, per task. */
    private static final String LATEST_SAMPLE = "latest-sample";

    private final MetricsSettings settings;
    private final KpiWindows kpiWindows;
    private final KpiWindowRules rules;
    private final Counter late;
    private ProcessorContext<ResponseKpiKey, ResponseKpi> context;
    private KeyValueStore<String, GradeWindow> gradeWindows;
    private KeyValueStore<String, GroupAvailability> groups;
    private KeyValueStore<String, Long> sampleClock;

    ResponseKpiProcessor(MetricsSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.kpiWindows = new KpiWindows(settings.trialClock().zone());
        this.rules = new KpiWindowRules(kpiWindows, settings.retention().kpiWindowGrace(), settings.retention().purgeInterval());
        this.late = Counter.builder("bluelight.metrics.response.late")
                .description("Response samples for KPI windows already closed and past their grace period")
                .register(meters);
    }

    @Override
    public void init(ProcessorContext<ResponseKpiKey, ResponseKpi> context) {
        this.context = context;
        gradeWindows = context.getStateStore(MetricsTopology.KPI_WINDOWS_STORE);
        groups = context.getStateStore(MetricsTopology.AVAILABILITY_STORE);
        sampleClock = context.getStateStore(MetricsTopology.SAMPLE_CLOCK_STORE);
        context.schedule(settings.retention().purgeInterval(), PunctuationType.STREAM_TIME, this::closeAndTrim);
    }

    @Override
    public void process(Record<String, GroupInput> record) {
        GroupInput input = record.value();
        GroupAvailability group = groups.get(record.key());
        group = group == null ? GroupAvailability.unseen() : group;
        if (!input.hasSample()) {
            GroupAvailability changed = group.on(input.officerId(), input.state(), input.changedAt(), kpiWindows);
            Long clock = sampleClock.get(LATEST_SAMPLE);
            groups.put(record.key(), clock == null ? changed : changed.settledAt(Instant.ofEpochMilli(clock)));
            return;
        }
        ResponseSample sample = input.sample();
        Instant now = advanceSampleClock(record.timestamp());
        // No sample asks for means before the sample clock again.
        GroupAvailability settled = group.settledAt(now);
        if (settled != group) {
            groups.put(record.key(), settled);
            group = settled;
        }
        for (KpiWindowRules.Placement placement : rules.place(sample.firstArrivalAt(), now)) {
            KpiWindows.Window window = placement.window();
            if (placement.late()) {
                late.increment();
                LOG.warn("Response of incident {} is past the grace period of its {} window from {}",
                        sample.incidentId(), window.size(), window.start());
                continue;
            }
            String key = GradeWindow.key(sample.dispatchGroup(), sample.grade(), window);
            GradeWindow gradeWindow = gradeWindows.get(key);
            gradeWindow = (gradeWindow == null ? GradeWindow.empty(sample.dispatchGroup(), sample.grade(), window) : gradeWindow)
                    .plus(sample.seconds());
            gradeWindows.put(key, gradeWindow);
            forward(gradeWindow, group, now, record.timestamp());
        }
    }

    /** The sample clock after this sample; on entering a new sweep interval, windows past their grace by it are dropped. */
    private Instant advanceSampleClock(long timestamp) {
        Long last = sampleClock.get(LATEST_SAMPLE);
        KpiWindowRules.Tick tick = rules.tick(last, timestamp);
        if (last == null || tick.latest() != last) {
            sampleClock.put(LATEST_SAMPLE, tick.latest());
        }
        if (tick.sweep()) {
            dropWindowsPastGrace(tick.now());
        }
        return tick.now();
    }

    private void dropWindowsPastGrace(Instant sampleTime) {
        List<String> dropped = StoreScan.keysWhere(gradeWindows, window -> rules.droppedBy(window, sampleTime));
        closeAll(dropped.stream().filter(key -> !gradeWindows.get(key).closed()).toList(), sampleTime, sampleTime.toEpochMilli());
        dropped.forEach(gradeWindows::delete);
    }

    private void closeAndTrim(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        closeAll(StoreScan.keysWhere(gradeWindows, window -> rules.closesBy(window, now)), now, streamTime);
        Instant keptFrom = rules.availabilityKeptFrom(now);
        StoreScan.replaceChanged(groups, group -> group.withoutWindowsEndedBefore(keptFrom));
    }

    /** Publishes the final figures of each window and marks it closed. */
    private void closeAll(List<String> keys, Instant now, long timestamp) {
        keys.forEach(key -> {
            GradeWindow gradeWindow = gradeWindows.get(key).asClosed();
            GroupAvailability group = groups.get(gradeWindow.dispatchGroup());
            forward(gradeWindow, group == null ? GroupAvailability.unseen() : group, now, timestamp);
            gradeWindows.put(key, gradeWindow);
        });
    }

    private void forward(GradeWindow gradeWindow, GroupAvailability group, Instant asOf, long timestamp) {
        int target = (int) settings.responseTargets().targetFor(gradeWindow.grade()).orElseThrow().toSeconds();
        ResponseKpi kpi = ResponseKpis.of(gradeWindow, target, group.meansOver(gradeWindow.window(), asOf));
        context.forward(new Record<>(new ResponseKpiKey(kpi.getDispatchGroup(), kpi.getGrade(), kpi.getWindowSize(),
                kpi.getWindowStart()), kpi, timestamp));
    }
}
