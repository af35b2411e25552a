package org.bluelight.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.response.GradeWindow;
import org.bluelight.metrics.response.DayOccupancy;
import org.bluelight.metrics.response.GroupAvailability;
import org.bluelight.metrics.response.GroupAvailabilitySerde;
import org.bluelight.metrics.response.GroupInput;
import org.bluelight.metrics.response.KpiWindows;
import org.bluelight.metrics.response.ResponseSample;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.schemas.ResponseKpi;
import org.bluelight.schemas.ResponseKpiKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseKpiProcessorTest {

    private static final MetricsSettings SETTINGS = MetricsSettings.defaults();
    private static final KpiWindows WINDOWS = new KpiWindows(SETTINGS.trialClock().zone());
    /** Wednesday 1 May 2024, 10:05 BST. */
    private static final Instant REPORTED = Instant.parse("2024-05-01T09:05:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockProcessorContext<ResponseKpiKey, ResponseKpi> context;
    private KeyValueStore<String, GradeWindow> windows;
    private KeyValueStore<String, String> openWindows;
    private KeyValueStore<String, GroupAvailability> groups;
    private KeyValueStore<String, GroupAvailability.Occupancy> windowOccupancies;
    private KeyValueStore<String, DayOccupancy> occupancyDays;

    @BeforeEach
    void stores() {
        context = ProcessorStores.context("kpi-test");
        context.setCurrentStreamTimeMs(0);
        windows = store(MetricsTopology.KPI_WINDOWS_STORE, JsonSerde.of(GradeWindow.class));
        openWindows = store(MetricsTopology.OPEN_WINDOWS_STORE, Serdes.String());
        store(MetricsTopology.CLOSED_WINDOWS_STORE, Serdes.String());
        groups = store(MetricsTopology.AVAILABILITY_STORE, GroupAvailabilitySerde.create());
        windowOccupancies = store(MetricsTopology.OCCUPANCY_STORE, GroupAvailabilitySerde.occupancy());
        occupancyDays = store(MetricsTopology.OCCUPANCY_DAYS_STORE, GroupAvailabilitySerde.dayOccupancy());
        store(MetricsTopology.SAMPLE_CLOCK_STORE, Serdes.Long());
    }

    @Test
    void aGroupWithAsManyOfficersOnDutyAsItMayHoldRefusesANewOneButTakesChangesOfThoseItHolds() {
        ResponseKpiProcessor processor = new ResponseKpiProcessor(SETTINGS.withMaxGroupOfficers(2), meters);
        processor.init(context);
        processor.process(status("O1", REPORTED));
        processor.process(status("O2", REPORTED.plusSeconds(1)));

        assertThatThrownBy(() -> processor.process(status("O3", REPORTED.plusSeconds(2))))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("Dispatch group RAD1 already has 2 officers on duty (metrics.group.max.officers)")
                .extracting(e -> ((InvalidRecordException) e).reason()).isEqualTo(MetricsSettings.GROUP_FULL);
        processor.process(new Record<>("RAD1", GroupInput.status("O1", OfficerState.OFF_DUTY, REPORTED.plusSeconds(3)),
                REPORTED.plusSeconds(3).toEpochMilli()));
        processor.process(status("O3", REPORTED.plusSeconds(4)));

        assertThat(groups.get("RAD1").officers()).containsOnlyKeys("O2", "O3");
    }

    @Test
    void closesWindowsWrittenByAVersionWithoutTheOpenList() {
        KpiWindows.Window hour = WINDOWS.windowOf(REPORTED.plusSeconds(600), KpiWindow.HOUR);
        String key = GradeWindow.key("RAD1", 1, hour);
        windows.put(key, GradeWindow.empty("RAD1", 1, hour).plus(600));
        started();

        assertThat(openWindows.approximateNumEntries()).isEqualTo(1);
        closeAt(hour.end().minusMillis(1));
        assertThat(context.forwarded()).as("not yet ended").isEmpty();
        closeAt(hour.end());

        assertThat(context.forwarded()).hasSize(1);
        ResponseKpi kpi = context.forwarded().get(0).record().value();
        assertThat(kpi.getWindowStart()).isEqualTo(hour.start());
        assertThat(kpi.getCount()).isEqualTo(1);
        assertThat(windows.get(key).closed()).isTrue();
        assertThat(openWindows.approximateNumEntries()).as("closed windows leave the list").isZero();
    }

    @Test
    void dropsWindowsClosedByAVersionWithoutTheClosedListOncePastTheirGrace() {
        KpiWindows.Window hour = WINDOWS.windowOf(REPORTED, KpiWindow.HOUR);
        String key = GradeWindow.key("RAD1", 1, hour);
        windows.put(key, GradeWindow.empty("RAD1", 1, hour).plus(600).asClosed());
        ResponseKpiProcessor processor = started();

        // The first sample starts the sample clock, a day on: the hour is past its grace (2 hours).
        feed(processor, sample("I9", REPORTED.plus(Duration.ofDays(1))));

        assertThat(windows.get(key)).isNull();
        assertThat(context.forwarded()).as("its final figures were published when it closed").hasSize(2);
    }

    @Test
    void dropsClosedAndOpenWindowsPastTheirGraceAndKeepsTheRest() {
        ResponseKpiProcessor processor = started();
        Instant arrived = REPORTED.plusSeconds(600);
        feed(processor, sample("I1", arrived));
        KpiWindows.Window hour = WINDOWS.windowOf(arrived, KpiWindow.HOUR);
        KpiWindows.Window day = WINDOWS.windowOf(arrived, KpiWindow.DAY);
        closeAt(hour.end());
        context.resetForwards();

        // Three hours after the hour's end: it is past its grace, the day is not.
        feed(processor, sample("I2", hour.end().plus(Duration.ofHours(3))));
        assertThat(windows.get(GradeWindow.key("RAD1", 1, hour))).isNull();
        assertThat(windows.get(GradeWindow.key("RAD1", 1, day))).isNotNull();

        // Three hours after the day's end, never closed by stream time: closed (published) and dropped.
        context.resetForwards();
        feed(processor, sample("I3", day.end().plus(Duration.ofHours(3))));
        assertThat(windows.get(GradeWindow.key("RAD1", 1, day))).isNull();
        assertThat(context.forwarded().stream().map(forwarded -> forwarded.record().value())
                .filter(kpi -> kpi.getWindowSize() == KpiWindow.DAY && kpi.getWindowStart().equals(day.start())))
                .singleElement().satisfies(kpi -> assertThat(kpi.getCount()).isEqualTo(2));
    }

    @Test
    void closesEachWindowOnceWhenItsEndIsReached() {
        ResponseKpiProcessor processor = started();
        Instant arrived = REPORTED.plusSeconds(600);
        processor.process(new Record<>("RAD1", GroupInput.sample(new ResponseSample("I1", "RAD1", 1, REPORTED, arrived)),
                arrived.toEpochMilli()));
        context.resetForwards();
        KpiWindows.Window hour = WINDOWS.windowOf(arrived, KpiWindow.HOUR);
        KpiWindows.Window day = WINDOWS.windowOf(arrived, KpiWindow.DAY);

        closeAt(hour.end());
        closeAt(hour.end().plusSeconds(600));
        assertThat(sizes()).containsExactly(KpiWindow.HOUR);
        context.resetForwards();
        closeAt(day.end());
        closeAt(day.end().plus(Duration.ofHours(1)));

        assertThat(sizes()).containsExactly(KpiWindow.DAY);
        assertThat(openWindows.approximateNumEntries()).isZero();
    }

    @Test
    void aSampleFromALaggingTaskIsNotLateBecauseAnotherTaskRanAhead() {
        ResponseKpiProcessor processor = started();
        Instant arrived = REPORTED.plusSeconds(600);
        Instant tenDaysOn = arrived.plus(Duration.ofDays(10));
        processor.process(sample("I0", arrived, "first-arrivals-0", arrived));
        processor.process(sample("I1", arrived, "first-arrivals-1", arrived));
        processor.process(sample("I2", tenDaysOn, "first-arrivals-0", tenDaysOn));
        processor.process(sample("I3", arrived, "first-arrivals-1", arrived));

        assertThat(lateCount()).as("task 1 has only got to the sample's own time").isZero();
        processor.process(sample("I4", tenDaysOn, "first-arrivals-1", tenDaysOn));
        processor.process(sample("I5", arrived, "first-arrivals-0", tenDaysOn));

        assertThat(lateCount()).as("both tasks are ten days on: past the grace of both windows").isEqualTo(2);
    }

    private Record<String, GroupInput> sample(String incidentId, Instant arrived, String source, Instant watermark) {
        return new Record<>("RAD1", GroupInput.sample(new ResponseSample(incidentId, "RAD1", 1, arrived.minusSeconds(600), arrived),
                source, watermark.toEpochMilli()), arrived.toEpochMilli());
    }

    private double lateCount() {
        return meters.counter("bluelight.metrics.response.late").count();
    }

    @Test
    void aClosedWindowsOfficerMeansDoNotDependOnWhetherItsLastSampleCameBeforeOrAfterTheClose() {
        // Status changes reach the KPI task a hop ahead of the samples, so stream time can close a
        // window before its last sample arrives: live it mostly does not, on a backlog it mostly does.
        KpiWindows.Window hour = WINDOWS.windowOf(REPORTED, KpiWindow.HOUR);
        Record<String, GroupInput> first = status("O1", hour.start());
        Record<String, GroupInput> early = sample("I1", hour.start().plus(Duration.ofMinutes(20)));
        Record<String, GroupInput> second = status("O2", hour.start().plus(Duration.ofMinutes(30)));
        Record<String, GroupInput> last = sample("I2", hour.start().plus(Duration.ofMinutes(40)));
        Instant afterTheEnd = hour.end().plus(Duration.ofMinutes(5));
        Record<String, GroupInput> third = status("O3", afterTheEnd);

        ResponseKpiProcessor live = started();
        feed(live, first, early, second, last, third);
        closeAt(afterTheEnd);
        ResponseKpi sampleFirst = lastKpi(KpiWindow.HOUR);

        stores();
        ResponseKpiProcessor backlog = started();
        feed(backlog, first, early, second, third);
        closeAt(afterTheEnd);
        feed(backlog, last);
        ResponseKpi closeFirst = lastKpi(KpiWindow.HOUR);

        // O1 available all hour, O2 its second half: 1.5 on average over the whole window.
        assertThat(sampleFirst.getCount()).isEqualTo(2);
        assertThat(sampleFirst.getAvailableOfficersMean()).isCloseTo(1.5, within(1e-9));
        assertThat(closeFirst).isEqualTo(sampleFirst);
    }

    @Test
    void groupsStoredWithTheirWindowsByEarlierVersionsGiveTheSameMeans() {
        KpiWindows.Window hour = WINDOWS.windowOf(REPORTED, KpiWindow.HOUR);
        Instant half = hour.start().plus(Duration.ofMinutes(30));
        Record<String, GroupInput> sample = sample("I1", hour.start().plus(Duration.ofMinutes(40)));
        ResponseKpiProcessor current = started();
        feed(current, status("O1", hour.start()), status("O2", half), sample);
        ResponseKpi expected = lastKpi(KpiWindow.HOUR);
        assertThat(groups.get("RAD1").windows()).as("the group keeps no windows").isEmpty();
        assertThat(occupancyDays.approximateNumEntries()).as("one day's entry").isEqualTo(1);
        assertThat(occupancyDays.get(DayOccupancy.key("RAD1", hour.start(), WINDOWS.zone())).windows())
                .as("the hour and the day").hasSize(2);

        stores();
        // As earlier versions stored the group: its windows' occupancy inside it.
        GroupAvailability older = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, hour.start(), WINDOWS)
                .on("O2", OfficerState.AVAILABLE, half, WINDOWS);
        assertThat(older.windows()).hasSize(2);
        groups.put("RAD1", older);
        ResponseKpiProcessor upgraded = started();

        assertThat(groups.get("RAD1").windows()).as("moved to their own store at start").isEmpty();
        assertThat(occupancyDays.get(DayOccupancy.key("RAD1", hour.start(), WINDOWS.zone())).windows()).hasSize(2);
        feed(upgraded, sample);
        assertThat(lastKpi(KpiWindow.HOUR)).isEqualTo(expected);
        assertThat(expected.getAvailableOfficersMean()).as("O1 40 min, O2 10 min").isCloseTo(50.0 / 40, within(1e-9));
    }

    @Test
    void occupancyStoredPerWindowByEarlierVersionsGivesTheSameMeans() {
        KpiWindows.Window hour = WINDOWS.windowOf(REPORTED, KpiWindow.HOUR);
        Instant half = hour.start().plus(Duration.ofMinutes(30));
        Record<String, GroupInput> sample = sample("I1", hour.start().plus(Duration.ofMinutes(40)));
        feed(started(), status("O1", hour.start()), status("O2", half), sample);
        ResponseKpi expected = lastKpi(KpiWindow.HOUR);

        stores();
        // As the version before stored it: the group without windows, each window's occupancy an entry of its own.
        GroupAvailability older = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, hour.start(), WINDOWS)
                .on("O2", OfficerState.AVAILABLE, half, WINDOWS);
        groups.put("RAD1", older.withWindows(Map.of()));
        older.windows().forEach((window, occupancy) -> windowOccupancies.put("RAD1|" + window, occupancy));
        ResponseKpiProcessor upgraded = started();

        assertThat(windowOccupancies.approximateNumEntries()).as("moved to the days' entries at start").isZero();
        assertThat(occupancyDays.get(DayOccupancy.key("RAD1", hour.start(), WINDOWS.zone())).windows()).isEqualTo(older.windows());
        feed(upgraded, sample);
        assertThat(lastKpi(KpiWindow.HOUR)).isEqualTo(expected);
    }

    /** Processes the records in order, moving stream time on as Kafka Streams does. */
    @SafeVarargs
    private void feed(ResponseKpiProcessor processor, Record<String, GroupInput>... records) {
        for (Record<String, GroupInput> record : records) {
            context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), record.timestamp()));
            processor.process(record);
        }
    }

    private static Record<String, GroupInput> sample(String incident, Instant arrived) {
        return new Record<>("RAD1", GroupInput.sample(new ResponseSample(incident, "RAD1", 1, arrived.minusSeconds(600), arrived)),
                arrived.toEpochMilli());
    }

    private static Record<String, GroupInput> status(String officer, Instant at) {
        return new Record<>("RAD1", GroupInput.status(officer, OfficerState.AVAILABLE, at), at.toEpochMilli());
    }

    /** The last KPI forwarded for a window of {@code size}. */
    private ResponseKpi lastKpi(KpiWindow size) {
        return context.forwarded().stream().map(forwarded -> forwarded.record().value())
                .filter(kpi -> kpi.getWindowSize() == size).reduce((a, b) -> b).orElseThrow();
    }

    private List<KpiWindow> sizes() {
        return context.forwarded().stream().map(forwarded -> forwarded.record().value().getWindowSize()).toList();
    }

    /** Runs the close punctuation (the first scheduled one) as of {@code streamTime}. */
    private void closeAt(Instant streamTime) {
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(streamTime.toEpochMilli());
    }

    private ResponseKpiProcessor started() {
        ResponseKpiProcessor processor = new ResponseKpiProcessor(SETTINGS, meters);
        processor.init(context);
        return processor;
    }

    private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
        return ProcessorStores.add(context, name, values);
    }
}
