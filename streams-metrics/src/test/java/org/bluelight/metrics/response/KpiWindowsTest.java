package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bluelight.schemas.KpiWindow;
import org.junit.jupiter.api.Test;

class KpiWindowsTest {

    @Test
    void hoursAndDaysFollowLocalTimeAcrossTheClockChanges() {
        KpiWindows london = new KpiWindows(ZoneId.of("Europe/London"));
        // 27 October 2024: clocks go back at 02:00 BST, so 01:00-02:00 local happens twice and the day has 25 hours.
        Instant firstOne = Instant.parse("2024-10-27T00:30:00Z");
        Instant secondOne = Instant.parse("2024-10-27T01:30:00Z");

        assertThat(london.windowOf(firstOne, KpiWindow.HOUR)).isEqualTo(new KpiWindows.Window(KpiWindow.HOUR,
                Instant.parse("2024-10-27T00:00:00Z"), Instant.parse("2024-10-27T01:00:00Z")));
        assertThat(london.windowOf(secondOne, KpiWindow.HOUR)).isEqualTo(new KpiWindows.Window(KpiWindow.HOUR,
                Instant.parse("2024-10-27T01:00:00Z"), Instant.parse("2024-10-27T02:00:00Z")));
        assertThat(london.windowOf(secondOne, KpiWindow.DAY)).isEqualTo(new KpiWindows.Window(KpiWindow.DAY,
                Instant.parse("2024-10-26T23:00:00Z"), Instant.parse("2024-10-28T00:00:00Z")));
    }

    @Test
    void rememberedWindowsKeysAndDaysAreThoseWorkedOutAfresh() {
        for (String zone : List.of("Europe/London", "Asia/Kolkata", "America/St_Johns", "Europe/Amsterdam")) {
            KpiWindows remembering = new KpiWindows(ZoneId.of(zone));
            // Back and forth over a clock change, at times off the hour, so buckets are met again and again.
            List<Instant> times = new ArrayList<>();
            Instant from = Instant.parse("2024-03-29T00:07:13Z");
            for (int i = 0; i < 400; i++) {
                times.add(from.plus(Duration.ofMinutes((i * 37L) % 4_000)));
            }
            for (Instant time : times) {
                for (KpiWindow size : KpiWindow.values()) {
                    KpiWindows.Window window = remembering.windowOf(time, size);
                    assertThat(window).as("%s %s %s", zone, time, size).isEqualTo(new KpiWindows(ZoneId.of(zone)).windowOf(time, size));
                    assertThat(remembering.keyOf(window)).isEqualTo(GroupAvailability.windowKey(window));
                    assertThat(remembering.localDayOf(window))
                            .isEqualTo(LocalDate.ofInstant(window.start(), ZoneId.of(zone)).toEpochDay());
                }
            }
        }
    }
}
