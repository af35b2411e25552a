package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GroupAvailabilityTest {

    static final KpiWindows WINDOWS = new KpiWindows(ZoneOffset.UTC);
    static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void meansAreWeightedByTimeSpentInEachState() {
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O2", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O1", OfficerState.EN_ROUTE, TEN.plusSeconds(15 * 60), WINDOWS)   // O1 busy from 10:15
                .on("O2", OfficerState.OFF_DUTY, TEN.plusSeconds(45 * 60), WINDOWS);  // O2 gone from 10:45
        KpiWindows.Window hour = WINDOWS.windowOf(TEN, KpiWindow.HOUR);

        GroupAvailability.Means means = group.meansOver(hour, TEN.plusSeconds(3600)).orElseThrow();
        // Available: O1 15 min + O2 45 min = 60 officer-minutes over 60 minutes; busy: O1 45 minutes.
        assertThat(means.available()).isCloseTo(1.0, within(1e-9));
        assertThat(means.busy()).isCloseTo(0.75, within(1e-9));

        // Part way through, only the observed part counts: by 10:30 O1 was available 15 of 30 minutes, O2 all 30.
        GroupAvailability.Means halfway = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O2", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O1", OfficerState.EN_ROUTE, TEN.plusSeconds(15 * 60), WINDOWS)
                .meansOver(hour, TEN.plusSeconds(30 * 60)).orElseThrow();
        assertThat(halfway.available()).isCloseTo(1.5, within(1e-9));
        assertThat(halfway.busy()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void timeIsSplitAcrossHourWindowsAndTheDayWindowSeesItAll() {
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN.plusSeconds(30 * 60), WINDOWS)
                .on("O1", OfficerState.ON_SCENE, TEN.plusSeconds(90 * 60), WINDOWS);   // available 10:30-11:30
        Instant noon = TEN.plusSeconds(2 * 3600);
        assertThat(group.meansOver(WINDOWS.windowOf(TEN, KpiWindow.HOUR), noon).orElseThrow().available())
                .as("observed 10:30-11:00, available throughout").isCloseTo(1.0, within(1e-9));
        GroupAvailability.Means eleven = group.meansOver(WINDOWS.windowOf(TEN.plusSeconds(3600), KpiWindow.HOUR), noon).orElseThrow();
        assertThat(eleven.available()).isCloseTo(0.5, within(1e-9));
        assertThat(eleven.busy()).isCloseTo(0.5, within(1e-9));
        GroupAvailability.Means day = group.meansOver(WINDOWS.windowOf(TEN, KpiWindow.DAY), noon).orElseThrow();
        assertThat(day.available()).as("60 of 90 observed minutes").isCloseTo(2.0 / 3, within(1e-9));
        assertThat(group.meansOver(WINDOWS.windowOf(TEN.minusSeconds(3600), KpiWindow.HOUR), noon)).as("before anything was seen").isEmpty();
    }

    @Test
    void windowsEndedBeforeTheCutoffAreDropped() {
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O1", OfficerState.ON_SCENE, TEN.plusSeconds(3 * 3600), WINDOWS);
        assertThat(group.windows()).hasSize(4); // hours 10, 11, 12 and the day
        GroupAvailability trimmed = withoutWindowsEndedBefore(group, TEN.plusSeconds(2 * 3600 + 1));
        assertThat(trimmed.windows()).hasSize(2); // hour 12 and the day
        assertThat(trimmed.officers()).isEqualTo(group.officers());
    }

    @Test
    void droppingEndedWindowsKeepsTheStepsThatMeansAsOfAnEarlierInstantNeed() {
        // The sweep that drops ended windows runs on stream time, at a moment that depends on the interleaving.
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O2", OfficerState.AVAILABLE, TEN.plusSeconds(3 * 3600), WINDOWS)
                .on("O1", OfficerState.EN_ROUTE, TEN.plusSeconds(3 * 3600 + 30 * 60), WINDOWS)
                .on("O3", OfficerState.AVAILABLE, TEN.plusSeconds(3 * 3600 + 40 * 60), WINDOWS);
        KpiWindows.Window thirteen = WINDOWS.windowOf(TEN.plusSeconds(3 * 3600), KpiWindow.HOUR);
        Instant asOf = TEN.plusSeconds(3 * 3600 + 20 * 60);

        GroupAvailability trimmed = withoutWindowsEndedBefore(group, TEN.plusSeconds(2 * 3600 + 1));

        assertThat(trimmed.windows()).hasSizeLessThan(group.windows().size());
        assertThat(trimmed.meansOver(thirteen, asOf).orElseThrow().available())
                .as("O1 and O2 available 13:00-13:20").isCloseTo(2.0, within(1e-9));
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChangeDatedYearsAwaySumsAtMostTheLastWeekOfWindows() {
        // Year 1 to 9999 is 87 million hours: walking them all hung the app.
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, Instant.parse("0001-01-01T00:00:00Z"), WINDOWS)
                .on("O2", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O1", OfficerState.ON_SCENE, Instant.parse("9999-12-31T00:00:00Z"), WINDOWS);

        long days = GroupAvailability.LONGEST_SUMMED.toDays();
        assertThat(group.windows()).as("the last week's hours and days before each change")
                .hasSizeLessThanOrEqualTo((int) (2 * (days * 24 + days + 2)));
        GroupAvailability.Means lastHour = group.meansOver(
                WINDOWS.windowOf(Instant.parse("9999-12-30T23:00:00Z"), KpiWindow.HOUR), Instant.parse("9999-12-31T00:00:00Z"))
                .orElseThrow();
        assertThat(lastHour.available()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void meansAsOfAnInstantIgnoreChangesAppliedAfterIt() {
        // Status changes reach the KPI task one hop ahead of the samples, by however far the other path
        // lags: live, after a restart or on a backlog. A sample's means as of its time must not depend on that.
        KpiWindows.Window hour = WINDOWS.windowOf(TEN, KpiWindow.HOUR);
        Instant asOf = TEN.plusSeconds(20 * 60);
        GroupAvailability inStep = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O2", OfficerState.AVAILABLE, TEN, WINDOWS);
        GroupAvailability ahead = inStep
                .on("O1", OfficerState.EN_ROUTE, TEN.plusSeconds(30 * 60), WINDOWS)
                .on("O2", OfficerState.ON_SCENE, TEN.plusSeconds(40 * 60), WINDOWS)
                .on("O1", OfficerState.AVAILABLE, TEN.plusSeconds(90 * 60), WINDOWS);

        GroupAvailability.Means expected = inStep.meansOver(hour, asOf).orElseThrow();
        assertThat(expected.available()).isCloseTo(2.0, within(1e-9));
        GroupAvailability.Means seenAhead = ahead.meansOver(hour, asOf).orElseThrow();
        assertThat(seenAhead.available()).isCloseTo(expected.available(), within(1e-9));
        assertThat(seenAhead.busy()).isCloseTo(expected.busy(), within(1e-9));
        // Part of the interval ahead lies in the window, part after it: only the part up to 10:20 counts.
        assertThat(ahead.meansOver(WINDOWS.windowOf(TEN, KpiWindow.DAY), asOf).orElseThrow().available())
                .isCloseTo(2.0, within(1e-9));
        // Once the instant has passed the changes, they count as before.
        assertThat(ahead.meansOver(hour, TEN.plusSeconds(3600)).orElseThrow().available())
                .as("O1 30 min + O2 40 min over 60 min").isCloseTo(70.0 / 60, within(1e-9));
    }

    @Test
    void meansDoNotDependOnWhichOfficersChangesAreReadFirst() {
        // Each officer's changes in order, the officers' interleaved as tasks of different input partitions wrote them.
        Change[] o1 = {new Change("O1", OfficerState.AVAILABLE, 0), new Change("O1", OfficerState.EN_ROUTE, 20),
            new Change("O1", OfficerState.AVAILABLE, 80)};
        Change[] o2 = {new Change("O2", OfficerState.AVAILABLE, 10), new Change("O2", OfficerState.ON_SCENE, 50),
            new Change("O2", OfficerState.OFF_DUTY, 100)};
        Change[] o3 = {new Change("O3", OfficerState.AVAILABLE, 5), new Change("O3", OfficerState.EN_ROUTE, 70)};
        java.util.List<Change> inTimeOrder = java.util.stream.Stream.of(o1, o2, o3).flatMap(java.util.Arrays::stream)
                .sorted(java.util.Comparator.comparingInt(Change::minute)).toList();
        java.util.List<Change> o1Late = java.util.stream.Stream.of(o2, o3, o1).flatMap(java.util.Arrays::stream).toList();
        Instant asOf = TEN.plusSeconds(110 * 60);
        Instant earlier = TEN.plusSeconds(45 * 60);
        for (KpiWindow size : KpiWindow.values()) {
            for (Instant window : new Instant[] {TEN, TEN.plusSeconds(3600)}) {
                KpiWindows.Window w = WINDOWS.windowOf(window, size);
                for (Instant when : new Instant[] {asOf, earlier}) {
                    if (!when.isAfter(w.start())) {
                        continue; // nothing of the window known yet
                    }
                    GroupAvailability.Means expected = applied(inTimeOrder).meansOver(w, when).orElseThrow();
                    GroupAvailability.Means late = applied(o1Late).meansOver(w, when).orElseThrow();
                    assertThat(late.available()).as("%s %s as of %s: available", size, window, when)
                            .isCloseTo(expected.available(), within(1e-9));
                    assertThat(late.busy()).as("%s %s as of %s: busy", size, window, when).isCloseTo(expected.busy(), within(1e-9));
                }
            }
        }
        // 10:00-11:00, observed from O1's first status at 10:00 though read last: O1 available 20 min, O2 40, O3 55.
        assertThat(applied(o1Late).meansOver(WINDOWS.windowOf(TEN, KpiWindow.HOUR), asOf).orElseThrow().available())
                .isCloseTo((20.0 + 40 + 55) / 60, within(1e-9));
    }

    private record Change(String officer, OfficerState state, int minute) {
    }

    private static GroupAvailability applied(java.util.List<Change> changes) {
        GroupAvailability group = GroupAvailability.unseen();
        for (Change change : changes) {
            group = group.on(change.officer(), change.state(), TEN.plusSeconds(change.minute() * 60L), WINDOWS);
        }
        return group;
    }

    /** What the KPI task's sweep leaves of a group's windows: those not {@link GroupAvailability.Occupancy#endedBefore} the cutoff. */
    private static GroupAvailability withoutWindowsEndedBefore(GroupAvailability group, Instant cutoff) {
        Map<String, GroupAvailability.Occupancy> kept = new HashMap<>(group.windows());
        kept.values().removeIf(occupancy -> occupancy.endedBefore(cutoff));
        return group.withWindows(kept);
    }
}
