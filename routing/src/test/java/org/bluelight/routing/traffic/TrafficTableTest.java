package org.bluelight.routing.traffic;

import com.graphhopper.routing.ev.RoadClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficTableTest {

    private final TrafficTable table = TrafficTable.defaults();

    @Test
    void defaultsAreReadInLondonTime() {
        assertThat(table.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        // Tuesday 10 March 2026 (GMT) and Tuesday 7 July 2026 (BST, UTC+1)
        assertThat(table.bandAt(Instant.parse("2026-03-10T08:00:00Z")).name()).isEqualTo("weekday-am-peak");
        assertThat(table.bandAt(Instant.parse("2026-07-07T06:30:00Z")).name()).isEqualTo("weekday-am-peak");
        assertThat(table.bandAt(Instant.parse("2026-03-10T06:30:00Z")).name()).isEqualTo("free-flow");
        assertThat(table.bandAt(Instant.parse("2026-03-10T17:00:00Z")).name()).isEqualTo("weekday-pm-peak");
        assertThat(table.bandAt(Instant.parse("2026-03-10T03:00:00Z")).name()).isEqualTo("free-flow");
        assertThat(table.bandAt(Instant.parse("2026-03-14T08:00:00Z")).name()).isEqualTo("free-flow");
        assertThat(table.bandAt(Instant.parse("2026-03-14T12:00:00Z")).name()).isEqualTo("weekend-daytime");
    }

    @Test
    void weekdayPeaksSlowUrbanPrimaryAndSecondaryRoads() {
        TrafficBand peak = table.bandAt(Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(table.speedFactor(peak, RoadClass.PRIMARY, true, false)).isEqualTo(0.55);
        assertThat(table.speedFactor(peak, RoadClass.SECONDARY, true, false)).isEqualTo(0.55);
        assertThat(table.speedFactor(peak, RoadClass.RESIDENTIAL, true, false)).isEqualTo(1.0);
        assertThat(table.speedFactor(peak, RoadClass.SECONDARY, false, false)).isEqualTo(1.0);
        TrafficBand night = table.bandAt(Instant.parse("2026-03-10T03:00:00Z"));
        assertThat(table.speedFactor(night, RoadClass.PRIMARY, true, false)).isEqualTo(1.0);
    }

    @Test
    void blueLightDrivingSuffersOnlyPartOfTheCongestion() {
        TrafficBand peak = table.bandAt(Instant.parse("2026-03-10T08:00:00Z"));
        assertThat(table.speedFactor(peak, RoadClass.PRIMARY, true, true)).isEqualTo(1 - 0.45 * 0.5);
    }

    @Test
    void aFileOverridesTheDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("traffic.json");
        Files.writeString(file, """
                {"timeZone": "Europe/Dublin", "emergencyCongestionShare": 0.2, "bands": [
                  {"name": "school-run", "days": ["MONDAY"], "from": "08:00", "to": "09:00",
                   "factors": [{"roadClasses": ["RESIDENTIAL"], "area": "ANY", "speedFactor": 0.5}]}]}
                """);
        TrafficTable custom = TrafficTable.read(file);
        TrafficBand band = custom.bandAt(Instant.parse("2026-03-09T08:30:00Z"));
        assertThat(band.name()).isEqualTo("school-run");
        assertThat(custom.speedFactor(band, RoadClass.RESIDENTIAL, false, false)).isEqualTo(0.5);
        assertThat(custom.speedFactor(band, RoadClass.RESIDENTIAL, false, true)).isEqualTo(0.9);
        assertThat(custom.bandAt(Instant.parse("2026-03-10T08:30:00Z"))).isEqualTo(TrafficBand.FREE_FLOW);
    }

    @Test
    void invalidTablesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path badTime = dir.resolve("bad-time.json");
        Files.writeString(badTime, """
                {"bands": [{"name": "x", "days": ["MONDAY"], "from": "8am", "to": "09:00", "factors": []}]}
                """);
        assertThatThrownBy(() -> TrafficTable.read(badTime)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8am");

        Path badFactor = dir.resolve("bad-factor.json");
        Files.writeString(badFactor, """
                {"bands": [{"name": "x", "days": ["MONDAY"], "from": "08:00", "to": "09:00",
                  "factors": [{"roadClasses": ["PRIMARY"], "area": "URBAN", "speedFactor": 1.4}]}]}
                """);
        assertThatThrownBy(() -> TrafficTable.read(badFactor)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speedFactor");

        Path reversed = dir.resolve("reversed.json");
        Files.writeString(reversed, """
                {"bands": [{"name": "x", "days": ["MONDAY"], "from": "09:00", "to": "08:00", "factors": []}]}
                """);
        assertThatThrownBy(() -> TrafficTable.read(reversed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from < to");
    }
}
