package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;

class TrialScheduleTest {

    private static final List<String> HOT_SPOTS =
            IntStream.rangeClosed(1, 34).mapToObj(i -> String.format("HS%02d", i)).toList();
    private static final LocalDate FIRST = LocalDate.parse("2024-03-25");

    @Test
    void everyDayHasExactlySeventeenInEachArm() {
        TrialSchedule schedule = ScheduleGenerator.generate(HOT_SPOTS, FIRST, 120, 20230401L);
        assertThat(schedule.armSizesByDay()).hasSize(120);
        schedule.armSizesByDay().values().forEach(sizes ->
                assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of(TrialArm.TREATMENT, 17, TrialArm.CONTROL, 17)));
        assertThat(schedule.allocations()).hasSize(120 * 34);
    }

    @Test
    void sameSeedReproducesTheScheduleAndAnotherSeedDoesNot() {
        TrialSchedule first = ScheduleGenerator.generate(HOT_SPOTS, FIRST, 60, 42L);
        TrialSchedule again = ScheduleGenerator.generate(reversed(HOT_SPOTS), FIRST, 60, 42L);
        TrialSchedule other = ScheduleGenerator.generate(HOT_SPOTS, FIRST, 60, 43L);
        assertThat(again.allocations()).isEqualTo(first.allocations());
        assertThat(other.allocations()).isNotEqualTo(first.allocations());
        assertThat(first.seed()).contains(42L);
    }

    @Test
    void allocationVariesFromDayToDay() {
        TrialSchedule schedule = ScheduleGenerator.generate(HOT_SPOTS, FIRST, 200, 7L);
        long treatmentDaysOfFirst = schedule.allocations().stream()
                .filter(a -> a.hotSpotId().equals("HS01") && a.arm() == TrialArm.TREATMENT).count();
        // a fair daily coin for one hot spot: 100 expected, far outside 60..140 means a broken draw
        assertThat(treatmentDaysOfFirst).isBetween(60L, 140L);
    }

    @Test
    void csvRoundTripKeepsAllocationsAndSeed() throws Exception {
        TrialSchedule schedule = ScheduleGenerator.generate(HOT_SPOTS, FIRST, 10, 99L);
        StringWriter out = new StringWriter();
        schedule.writeCsv(out);
        TrialSchedule read = TrialSchedule.readCsv(new BufferedReader(new StringReader(out.toString())));
        assertThat(read.allocations()).isEqualTo(schedule.allocations());
        assertThat(read.seed()).contains(99L);
        assertThat(read.armOf(FIRST.plusDays(3), "HS05")).isEqualTo(schedule.armOf(FIRST.plusDays(3), "HS05"));
    }

    @Test
    void loadsTheTrialsOwnListWithoutSeedColumn() throws Exception {
        String csv = "trial_day,hot_spot_id,arm\n2024-04-01,A,treatment\n2024-04-01,B,CONTROL\n";
        TrialSchedule schedule = TrialSchedule.readCsv(new BufferedReader(new StringReader(csv)));
        assertThat(schedule.seed()).isEmpty();
        assertThat(schedule.armOf(LocalDate.parse("2024-04-01"), "A")).contains(TrialArm.TREATMENT);
        assertThat(schedule.armOf(LocalDate.parse("2024-04-02"), "A")).isEmpty();
    }

    @Test
    void badLinesAreRejectedWithTheirLineNumber() {
        assertThatThrownBy(() -> read("trial_day,hot_spot_id,arm\n2024-04-01,A,TREATMENT\n2024-13-01,B,CONTROL\n"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("line 3")
                .extracting(e -> ((ScheduleFormatException) e).line()).isEqualTo(3);
        assertThatThrownBy(() -> read("trial_day,hot_spot_id,arm\n2024-04-01,A,PLACEBO\n"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("PLACEBO");
        assertThatThrownBy(() -> read("trial_day,hot_spot_id,arm\n2024-04-01,A,TREATMENT\n2024-04-01,A,CONTROL\n"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("already allocated on line 2");
        assertThatThrownBy(() -> read("day;spot;arm\n"))
                .isInstanceOf(ScheduleFormatException.class).hasMessageContaining("header");
    }

    @Test
    void generatorRefusesAnOddNumberOfHotSpots() {
        assertThatThrownBy(() -> ScheduleGenerator.generate(HOT_SPOTS.subList(0, 33), FIRST, 1, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static TrialSchedule read(String csv) throws Exception {
        return TrialSchedule.readCsv(new BufferedReader(new StringReader(csv)));
    }
}
