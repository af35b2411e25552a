package org.bluelight.metrics.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.KpiWindow;
import org.junit.jupiter.api.Test;

class GradeWindowSerdeTest {

    private static final KpiWindows WINDOWS = new KpiWindows(ZoneOffset.UTC);
    private static final Instant TEN = Instant.parse("2024-05-01T10:00:00Z");
    private final Serde<GradeWindow> serde = GradeWindowSerde.create();

    private static List<GradeWindow> windows() {
        GradeWindow hour = GradeWindow.empty("RAD1", 1, WINDOWS.windowOf(TEN, KpiWindow.HOUR));
        return List.of(hour, hour.plus(540.5).plus(1.0 / 3).plus(0), GradeWindow.empty("RAD2", 3, WINDOWS.windowOf(TEN, KpiWindow.DAY))
                .plus(7200).asClosed());
    }

    @Test
    void roundTripsOpenAndClosedWindowsWithTheirResponseTimes() {
        for (GradeWindow window : windows()) {
            assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", window))).isEqualTo(window);
        }
    }

    @Test
    void readsWindowsStoredAsJsonByEarlierVersions() {
        for (GradeWindow window : windows()) {
            byte[] older = JsonSerde.of(GradeWindow.class).serializer().serialize("t", window);

            assertThat(serde.deserializer().deserialize("store-changelog", older)).isEqualTo(window);
        }
        byte[] isoText = ("{\"dispatchGroup\":\"RAD1\",\"grade\":1,\"size\":\"HOUR\",\"start\":\"2024-05-01T10:00:00Z\","
                + "\"end\":\"2024-05-01T11:00:00Z\",\"seconds\":[],\"closed\":false}").getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", isoText)).isEqualTo(windows().get(0));
    }

    @Test
    void refusesBytesThatAreNotAWindowWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", windows().get(1));

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 2)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
