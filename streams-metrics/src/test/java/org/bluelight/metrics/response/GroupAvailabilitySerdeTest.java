package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.schemas.KpiWindow;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class GroupAvailabilitySerdeTest {

    private static final KpiWindows WINDOWS = new KpiWindows(ZoneOffset.UTC);
    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<GroupAvailability> serde = GroupAvailabilitySerde.create();

    @Test
    void roundTripsAGroupWithItsOfficersAndWindows() {
        GroupAvailability group = GroupAvailability.unseen()
                .on("O1", OfficerState.AVAILABLE, TEN, WINDOWS)
                .on("O2", OfficerState.EN_ROUTE, TEN.plusSeconds(900), WINDOWS)
                .on("O1", OfficerState.ON_SCENE, TEN.plusSeconds(5400).plusNanos(1), WINDOWS);

        GroupAvailability read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", group));

        assertThat(read).isEqualTo(group);
        assertThat(read.windows()).hasSize(3);
        assertThat(read.steps()).as("the recent steps the means as of an earlier time need").hasSize(3);
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", GroupAvailability.unseen())))
                .isEqualTo(GroupAvailability.unseen());
    }

    @Test
    void roundTripsAWindowsOccupancyInItsOwnStore() {
        Serde<GroupAvailability.Occupancy> occupancies = GroupAvailabilitySerde.occupancy();
        GroupAvailability.Occupancy occupancy = new GroupAvailability.Occupancy(TEN.plusSeconds(3600).plusNanos(5), 900.5, 1.0 / 3, 1800);

        assertThat(occupancies.deserializer().deserialize("t", occupancies.serializer().serialize("t", occupancy))).isEqualTo(occupancy);
        assertThatThrownBy(() -> occupancies.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void roundTripsADaysOccupancy() {
        Serde<DayOccupancy> days = GroupAvailabilitySerde.dayOccupancy();
        KpiWindows.Window hour = WINDOWS.windowOf(TEN, KpiWindow.HOUR);
        KpiWindows.Window day = WINDOWS.windowOf(TEN, KpiWindow.DAY);
        DayOccupancy occupancy = new DayOccupancy(Map.of(
                GroupAvailability.windowKey(hour), new GroupAvailability.Occupancy(hour.end(), 900.5, 1.0 / 3, 1800),
                GroupAvailability.windowKey(day), new GroupAvailability.Occupancy(day.end(), 7200, 3600, 5400)));

        assertThat(days.deserializer().deserialize("t", days.serializer().serialize("t", occupancy))).isEqualTo(occupancy);
        assertThat(DayOccupancy.key("G1", hour.start(), WINDOWS.zone())).isEqualTo(DayOccupancy.key("G1", day.start(), WINDOWS.zone()));
    }

    @Test
    void readsGroupsStoredAsJsonByEarlierVersions() {
        String hour = GroupAvailability.windowKey(WINDOWS.windowOf(TEN, KpiWindow.HOUR));
        byte[] older = ("{\"officers\":{\"O1\":\"AVAILABLE\"},\"lastAt\":\"2024-05-01T10:15:00Z\",\"windows\":{\"" + hour
                + "\":{\"end\":\"2024-05-01T11:00:00Z\",\"availableSeconds\":900.0,\"busySeconds\":0.0,\"observedSeconds\":900.0}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("store-changelog", older)).isEqualTo(new GroupAvailability(
                Map.of("O1", OfficerState.AVAILABLE), Instant.parse("2024-05-01T10:15:00Z"),
                Map.of(hour, new GroupAvailability.Occupancy(Instant.parse("2024-05-01T11:00:00Z"), 900, 0, 900))));
    }

    @Test
    void readsTheBinaryFormWrittenBeforeStepsWereKept() {
        // Version 1: no officers, no last change, no windows, and no step count after them.
        byte[] versionOne = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(serde.deserializer().deserialize("store-changelog", versionOne)).isEqualTo(GroupAvailability.unseen());
    }

    @Test
    void refusesBytesThatAreNotAGroupWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", GroupAvailability.unseen().on("O1", OfficerState.AVAILABLE, TEN, WINDOWS));
        byte[] truncated = java.util.Arrays.copyOf(written, written.length - 3);

        assertThatThrownBy(() -> serde.deserializer().deserialize("store-changelog", truncated))
                .isInstanceOf(SerializationException.class).hasMessageContaining("store-changelog");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
