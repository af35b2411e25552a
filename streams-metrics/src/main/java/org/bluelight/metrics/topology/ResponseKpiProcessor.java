package org.bluelight.metrics.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.GradeWindow;
import org.bluelight.metrics.response.DayOccupancy;
import org.bluelight.metrics.response.GroupAvailability;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.KpiWindowRules;
import org.bluelight.metrics.response.KpiWindows;
import org.bluelight.metrics.response.ResponseKpis;
import org.bluelight.metrics.response.ResponseSample;
import org.bluelight.metrics.response.SourceWatermarks;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per dispatch group: the response times of each grade's hourly and daily windows
 * ({@value MetricsTopology#KPI_WINDOWS_STORE}) and the group's available and busy officers
 * ({@value MetricsTopology#AVAILABILITY_STORE}, with the officer-seconds summed per window in
 * {@value MetricsTopology#OCCUPANCY_DAYS_STORE}, one entry per local day's windows, so a status
 * change reads and writes only the days it sums into, not the week of them a replay's grace keeps;
 * occupancy stored per window by earlier versions, {@value MetricsTopology#OCCUPANCY_STORE}, is
 * moved there at start). Publishes a window's KPI at each new sample, and
 * its final figures once it closes; {@link KpiWindowRules} decides lateness, closing and dropping,
 * by the sample clock ({@value MetricsTopology#SAMPLE_CLOCK_STORE}) and stream time.
 *
 * <p>The sample clock is a low watermark: the least of the latest watermarks of the first-arrival
 * tasks sending samples (kept in the same store, by source), which never goes back and does not
 * start before every task has reported (when {@link MetricsSettings#inputPartitions} is known).
 * Samples of different tasks reach a partition interleaved as those tasks happen to run, days apart
 * in a replay: the latest sample of any of them refused the others' as late, so a replay's KPIs
 * were not those of live processing. Availability means are still given as of the latest sample.
 *
 * <p>The windows not yet closed are also listed by end ({@value MetricsTopology#OPEN_WINDOWS_STORE}),
 * so the close every purge interval reads only the windows it closes: a replay runs that close
 * tens of thousands of times, and reading every window each time was most of its work. Closed windows
 * are listed by end as well ({@value MetricsTopology#CLOSED_WINDOWS_STORE}), so dropping those past
 * their grace reads only them (windows closed by versions without that list are listed at start).
 * Trimming availability reads everything, but only once per {@link Retention#sweepInterval} of the
 * grace period.
 */
final class ResponseKpiProcessor implements Processor<String, GroupInput, ResponseKpiKey, ResponseKpi> {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseKpiProcessor.class);
    /** The sample clock store's key of the latest sample time, per task. */
    private static final String LATEST_SAMPLE = "latest-sample";
    /** The sample clock store's key of the clock itself, the sources' low watermark (it never goes back). */
    private static final String SAMPLE_CLOCK = "low-watermark";
    /** Prefix of the sample clock store's keys holding each source's latest watermark. */
    private static final String SOURCE = "source:";

    private final MetricsSettings settings;
    private final KpiWindows kpiWindows;
    private final KpiWindowRules rules;
    private final Counter late;
    private final SourceWatermarks sources;
    private ProcessorContext<ResponseKpiKey, ResponseKpi> context;
    private DecodedEntries<GradeWindow> gradeWindows;
    private TimeIndex openWindows;
    private TimeIndex closedWindows;
    private DecodedEntries<GroupAvailability> groups;
    private DecodedEntries<DayOccupancy> occupancyDays;
    /**
     * The latest end of a window closed and not yet dropped (epoch millis): a late status change looks for closed
     * windows to publish again only up to it, not with two reads per window and grade.
     */
    private long latestClosedEnd;
    private KeyValueStore<String, Long> sampleClock;

    ResponseKpiProcessor(MetricsSettings settings, MeterRegistry meters) {
        this.settings = settings;
        // One first-arrival task per partition of the repartition topic, which has the inputs' partition count.
        this.sources = new SourceWatermarks(settings.inputPartitions());
        this.kpiWindows = new KpiWindows(settings.trialClock().zone());
        this.rules = new KpiWindowRules(kpiWindows, settings.retention().kpiWindowGrace(),
                settings.retention().sweepInterval(settings.retention().kpiWindowGrace()));
        this.late = Counter.builder("bluelight.metrics.response.late")
                .description("Response samples for KPI windows already closed and past their grace period")
                .register(meters);
    }

    @Override
    public void init(ProcessorContext<ResponseKpiKey, ResponseKpi> context) {
        this.context = context;
        // A week's grace of a few hundred groups' hourly windows, per grade, and their days.
        gradeWindows = new DecodedEntries<>(context.getStateStore(MetricsTopology.KPI_WINDOWS_STORE), 20_000);
        openWindows = new TimeIndex(context.getStateStore(MetricsTopology.OPEN_WINDOWS_STORE));
        groups = new DecodedEntries<>(context.getStateStore(MetricsTopology.AVAILABILITY_STORE), 1_000);
        occupancyDays = new DecodedEntries<>(context.getStateStore(MetricsTopology.OCCUPANCY_DAYS_STORE), 5_000);
        sampleClock = context.getStateStore(MetricsTopology.SAMPLE_CLOCK_STORE);
        try (KeyValueIterator<String, Long> stored = sampleClock.prefixScan(SOURCE, new StringSerializer())) {
            stored.forEachRemaining(entry -> sources.report(entry.key.substring(SOURCE.length()), entry.value));
        }
        listOpenWindowsWrittenBeforeTheList();
        closedWindows = new TimeIndex(context.getStateStore(MetricsTopology.CLOSED_WINDOWS_STORE));
        if (closedWindows.isEmpty()) {
            listClosedWindowsWrittenBeforeTheList();
        }
        latestClosedEnd = closedWindows.latest().orElse(Long.MIN_VALUE);
        moveOccupancyOutOfGroups();
        moveOccupancyToDays(context.getStateStore(MetricsTopology.OCCUPANCY_STORE));
        context.schedule(settings.retention().purgeInterval(), PunctuationType.STREAM_TIME, this::closeDue);
        context.schedule(settings.retention().sweepInterval(settings.retention().kpiWindowGrace()), PunctuationType.STREAM_TIME,
                this::trimAvailability);
    }

    /** State written by versions without the list of open windows: list them once. */
    private void listOpenWindowsWrittenBeforeTheList() {
        if (!openWindows.isEmpty()) {
            return;
        }
        List<KeyValue<String, GradeWindow>> open = new ArrayList<>();
        try (KeyValueIterator<String, GradeWindow> all = gradeWindows.store().all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.closed()) {
                    open.add(entry);
                }
            });
        }
        open.forEach(entry -> openWindows.list(entry.key, null, entry.value.end().toEpochMilli()));
    }

    private void listClosedWindowsWrittenBeforeTheList() {
        try (KeyValueIterator<String, GradeWindow> all = gradeWindows.store().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.closed()) {
                    closedWindows.list(entry.key, null, entry.value.end().toEpochMilli());
                }
            });
        }
    }

    /** Groups stored by versions that kept their windows' occupancy in the group: move it to its own store once. */
    private void moveOccupancyOutOfGroups() {
        List<KeyValue<String, GroupAvailability>> withWindows = new ArrayList<>();
        try (KeyValueIterator<String, GroupAvailability> all = groups.store().all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.windows().isEmpty()) {
                    withWindows.add(entry);
                }
            });
        }
        withWindows.forEach(entry -> {
            entry.value.windows().forEach((window, occupancy) -> addToDay(entry.key, window, occupancy));
            groups.put(entry.key, entry.value.withWindows(Map.of()));
        });
    }

    /** Occupancy stored one entry per window by earlier versions: move it to the days' entries once. */
    private void moveOccupancyToDays(KeyValueStore<String, GroupAvailability.Occupancy> byWindow) {
        List<KeyValue<String, GroupAvailability.Occupancy>> stored = new ArrayList<>();
        try (KeyValueIterator<String, GroupAvailability.Occupancy> all = byWindow.all()) {
            all.forEachRemaining(stored::add);
        }
        stored.forEach(entry -> {
            // group|size|start: the window key is the last two parts.
            int sizeAt = entry.key.lastIndexOf('|', entry.key.lastIndexOf('|') - 1);
            addToDay(entry.key.substring(0, sizeAt), entry.key.substring(sizeAt + 1), entry.value);
            byWindow.delete(entry.key);
        });
    }

    private void addToDay(String dispatchGroup, String windowKey, GroupAvailability.Occupancy occupancy) {
        Instant start = Instant.parse(windowKey.substring(windowKey.indexOf('|') + 1));
        String key = DayOccupancy.key(dispatchGroup, start, kpiWindows.zone());
        DayOccupancy day = occupancyDays.get(key);
        Map<String, GroupAvailability.Occupancy> windows = day == null ? new HashMap<>() : new HashMap<>(day.windows());
        windows.put(windowKey, occupancy);
        occupancyDays.put(key, new DayOccupancy(windows));
    }

    @Override
    public void process(Record<String, GroupInput> record) {
        GroupInput input = record.value();
        GroupAvailability group = groups.get(record.key());
        group = group == null ? GroupAvailability.unseen() : group;
        if (!input.hasSample()) {
            if (!group.admits(input.officerId(), input.state(), settings.maxGroupOfficers())) {
                throw new InvalidRecordException(MetricsSettings.GROUP_FULL, "Dispatch group " + record.key() + " already has "
                        + settings.maxGroupOfficers() + " officers on duty (metrics.group.max.officers)");
            }
            // Only the windows the change sums time into are read and written, not the group's whole grace period.
            List<Summed> summed = group.windowsSummedBy(input.changedAt(), kpiWindows).stream()
                    .map(window -> new Summed(window, kpiWindows.keyOf(window), DayOccupancy.key(record.key(), window, kpiWindows)))
                    .toList();
            Map<String, Map<String, GroupAvailability.Occupancy>> days = daysOf(summed);
            GroupAvailability changed = group.withWindows(occupancyIn(days, summed))
                    .on(input.officerId(), input.state(), input.changedAt(), kpiWindows);
            for (Summed window : summed) {
                Map<String, GroupAvailability.Occupancy> day = days.get(window.dayKey());
                GroupAvailability.Occupancy occupancy = changed.windows().get(window.key());
                if (occupancy == null) {
                    day.remove(window.key());
                } else {
                    day.put(window.key(), occupancy);
                }
            }
            days.forEach((key, day) -> {
                if (!day.isEmpty()) {
                    occupancyDays.put(key, new DayOccupancy(day));
                } else if (occupancyDays.get(key) != null) {
                    occupancyDays.delete(key);
                }
            });
            Long clock = sampleClock.get(LATEST_SAMPLE);
            GroupAvailability settled = clock == null ? changed : changed.settledAt(Instant.ofEpochMilli(clock));
            groups.put(record.key(), settled.withWindows(Map.of()));
            if (group.lastAt() != null && input.changedAt().isBefore(group.lastAt())) {
                publishClosedAgain(record.key(), settled, summed, record.timestamp());
            }
            return;
        }
        ResponseSample sample = input.sample();
        Instant now = latestSample(record.timestamp());
        Instant watermark = advanceSampleClock(watermark(input, record.timestamp()));
        if (watermark == null) {
            // Not every source has reported: no sample is late yet.
            watermark = Instant.MIN;
        }
        // No sample asks for means before the latest sample again.
        GroupAvailability settled = group.settledAt(now);
        if (settled != group) {
            groups.put(record.key(), settled);
            group = settled;
        }
        for (KpiWindowRules.Placement placement : rules.place(sample.firstArrivalAt(), watermark)) {
            KpiWindows.Window window = placement.window();
            if (placement.late()) {
                late.increment();
                LOG.warn("Response of incident {} is past the grace period of its {} window from {}",
                        sample.incidentId(), window.size(), window.start());
                continue;
            }
            String key = GradeWindow.key(sample.dispatchGroup(), sample.grade(), kpiWindows.keyOf(window));
            GradeWindow gradeWindow = gradeWindows.get(key);
            if (gradeWindow == null) {
                gradeWindow = GradeWindow.empty(sample.dispatchGroup(), sample.grade(), window);
                openWindows.list(key, null, gradeWindow.end().toEpochMilli());
            }
            gradeWindow = gradeWindow.plus(sample.seconds());
            gradeWindows.put(key, gradeWindow);
            Instant streamTime = Instant.ofEpochMilli(context.currentStreamTimeMs());
            forward(gradeWindow, withOccupancy(group, sample.dispatchGroup(), window), rules.meansAsOf(window, now, streamTime),
                    record.timestamp());
        }
    }

    /**
     * A status change read after later ones of its group (from another partition) changes the officer means of the
     * windows it sums into: those already closed get their final figures again, so a window's last KPI does not
     * depend on whether the change was read before its close. {@code group} holds the windows' occupancy.
     */
    private void publishClosedAgain(String dispatchGroup, GroupAvailability group, List<Summed> windows, long timestamp) {
        for (Summed window : windows) {
            if (window.window().end().toEpochMilli() > latestClosedEnd) {
                continue; // not closed: no window ending after it is
            }
            for (int grade : settings.responseTargets().byGrade().keySet()) {
                GradeWindow gradeWindow = gradeWindows.get(GradeWindow.key(dispatchGroup, grade, window.key()));
                if (gradeWindow != null && gradeWindow.closed()) {
                    forward(gradeWindow, group, window.window().end(), timestamp);
                }
            }
        }
    }

    /**
     * The sources' low watermark after this sample, empty until every source has reported its time; a sample with
     * no source (written by an earlier version) counts at its own time.
     */
    private OptionalLong watermark(GroupInput input, long timestamp) {
        if (input.source() == null) {
            return OptionalLong.of(timestamp);
        }
        long time = input.watermark() == null ? SourceWatermarks.UNKNOWN : input.watermark();
        if (sources.report(input.source(), time)) {
            sampleClock.put(SOURCE + input.source(), time);
        }
        return sources.low();
    }

    /** The latest sample time seen, as of which a sample's KPI gives the availability means. */
    private Instant latestSample(long timestamp) {
        Long last = sampleClock.get(LATEST_SAMPLE);
        if (last == null || timestamp > last) {
            sampleClock.put(LATEST_SAMPLE, timestamp);
            return Instant.ofEpochMilli(timestamp);
        }
        return Instant.ofEpochMilli(last);
    }

    /**
     * The sample clock moved on to {@code watermark} (null before it ever started); on entering a new sweep
     * interval, windows past their grace by it are dropped.
     */
    private Instant advanceSampleClock(OptionalLong watermark) {
        Long last = sampleClock.get(SAMPLE_CLOCK);
        if (watermark.isEmpty()) {
            return last == null ? null : Instant.ofEpochMilli(last);
        }
        KpiWindowRules.Tick tick = rules.tick(last, watermark.getAsLong());
        if (last == null || tick.latest() != last) {
            sampleClock.put(SAMPLE_CLOCK, tick.latest());
        }
        if (tick.sweep()) {
            dropWindowsPastGrace(tick.now());
        }
        return tick.now();
    }

    /** Drops the windows past their grace: closed ones from their list, open ones (closed first) from theirs. */
    private void dropWindowsPastGrace(Instant sampleTime) {
        long endedBy = rules.droppedEndingBefore(sampleTime).toEpochMilli() - 1;
        for (TimeIndex.Listed listed : openWindows.upTo(endedBy)) {
            GradeWindow window = gradeWindows.get(listed.key());
            if (window != null && !window.closed() && rules.droppedBy(window, sampleTime)) {
                close(listed.key(), window, sampleTime, sampleTime.toEpochMilli());
            }
        }
        for (TimeIndex.Listed listed : closedWindows.upTo(endedBy)) {
            GradeWindow window = gradeWindows.get(listed.key());
            if (window == null || rules.droppedBy(window, sampleTime)) {
                gradeWindows.delete(listed.key());
                closedWindows.remove(listed);
            }
        }
    }

    /** Publishes the final figures of each window that has ended by stream time. */
    private void closeDue(long streamTime) {
        Instant now = Instant.ofEpochMilli(streamTime);
        for (TimeIndex.Listed listed : openWindows.upTo(streamTime)) {
            GradeWindow window = gradeWindows.get(listed.key());
            if (window != null && rules.closesBy(window, now)) {
                close(listed.key(), window, now, streamTime);
            } else {
                openWindows.remove(listed);
            }
        }
    }

    private void trimAvailability(long streamTime) {
        Instant keptFrom = rules.availabilityKeptFrom(Instant.ofEpochMilli(streamTime));
        StoreScan.replaceChanged(occupancyDays.store(), day -> {
            Map<String, GroupAvailability.Occupancy> kept = new HashMap<>(day.windows());
            kept.values().removeIf(occupancy -> occupancy.endedBefore(keptFrom));
            return kept.size() == day.windows().size() ? day : kept.isEmpty() ? null : new DayOccupancy(kept);
        });
        occupancyDays.forget();
    }

    /** A window a status change sums into, with its key and its day entry's key, worked out once for the change. */
    private record Summed(KpiWindows.Window window, String key, String dayKey) {
    }

    /** The days' entries {@code windows} start on, by key, each as a map to change. */
    private Map<String, Map<String, GroupAvailability.Occupancy>> daysOf(List<Summed> windows) {
        Map<String, Map<String, GroupAvailability.Occupancy>> days = new HashMap<>();
        for (Summed window : windows) {
            days.computeIfAbsent(window.dayKey(), key -> {
                DayOccupancy day = occupancyDays.get(key);
                return day == null ? new HashMap<>() : new HashMap<>(day.windows());
            });
        }
        return days;
    }

    /** The occupancy of {@code windows} summed so far, from their days' entries. */
    private static Map<String, GroupAvailability.Occupancy> occupancyIn(Map<String, Map<String, GroupAvailability.Occupancy>> days,
                                                                        List<Summed> windows) {
        Map<String, GroupAvailability.Occupancy> loaded = new HashMap<>();
        for (Summed window : windows) {
            GroupAvailability.Occupancy occupancy = days.get(window.dayKey()).get(window.key());
            if (occupancy != null) {
                loaded.put(window.key(), occupancy);
            }
        }
        return loaded;
    }

    /** The group with the occupancy of {@code window} summed so far, read from its day's entry. */
    private GroupAvailability withOccupancy(GroupAvailability group, String dispatchGroup, KpiWindows.Window window) {
        DayOccupancy day = occupancyDays.get(DayOccupancy.key(dispatchGroup, window, kpiWindows));
        String key = kpiWindows.keyOf(window);
        GroupAvailability.Occupancy occupancy = day == null ? null : day.windows().get(key);
        return group.withWindows(occupancy == null ? Map.of() : Map.of(key, occupancy));
    }

    /** Publishes the final figures of a window and marks it closed. */
    private void close(String key, GradeWindow window, Instant now, long timestamp) {
        GradeWindow closed = window.asClosed();
        GroupAvailability group = groups.get(closed.dispatchGroup());
        forward(closed, withOccupancy(group == null ? GroupAvailability.unseen() : group, closed.dispatchGroup(), closed.window()), now, timestamp);
        gradeWindows.put(key, closed);
        openWindows.unlist(key, window.end().toEpochMilli());
        closedWindows.list(key, null, closed.end().toEpochMilli());
        latestClosedEnd = Math.max(latestClosedEnd, closed.end().toEpochMilli());
    }

    /** Publishes the window's figures; {@code group} holds the window's occupancy. */
    private void forward(GradeWindow gradeWindow, GroupAvailability group, Instant asOf, long timestamp) {
        int target = (int) settings.responseTargets().targetFor(gradeWindow.grade()).orElseThrow().toSeconds();
        ResponseKpi kpi = ResponseKpis.of(gradeWindow, target, group.meansOver(gradeWindow.window(), asOf));
        context.forward(new Record<>(new ResponseKpiKey(kpi.getDispatchGroup(), kpi.getGrade(), kpi.getWindowSize(),
                kpi.getWindowStart()), kpi, timestamp));
    }
}
