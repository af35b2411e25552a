package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class OfficerSerdeTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private final Serde<Officer> serde = OfficerSerde.create();

    private static Officer full() {
        return new Officer("O1", "Alpha 1 – é", OfficerState.EN_ROUTE, T0, 2, DrivingStandard.ADVANCED, Transport.CAR, "ST1", "AREA-1",
                "NORTH", T0.plusSeconds(3600), T0.plusSeconds(600), "I-7", new GeoPoint(52.6369, -1.1398), T0.plusMillis(5),
                new CoverageImpact(3, 0.75));
    }

    private static Officer bare() {
        return new Officer("O2", null, OfficerState.AVAILABLE, null, 1, DrivingStandard.BASIC, Transport.FOOT, null, null,
                "SOUTH", null, null, null, null, null, null);
    }

    private Officer roundTrip(Officer officer) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", officer));
    }

    @Test
    void roundTripsAUnitWithEveryAttributeAndOneWithNoneOfTheOptionalOnes() {
        assertThat(roundTrip(full())).isEqualTo(full());
        assertThat(roundTrip(bare())).isEqualTo(bare());
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void isSmallerThanTheJsonItReplaces() {
        assertThat(serde.serializer().serialize("t", full()).length)
                .isLessThan(JsonSerde.of(Officer.class).serializer().serialize("t", full()).length / 2);
    }

    @Test
    void readsUnitsStoredAsJsonByEarlierVersions() {
        byte[] written = JsonSerde.of(Officer.class).serializer().serialize("store-changelog", full());
        byte[] isoText = ("{\"id\":\"O3\",\"callSign\":\"CS-O3\",\"state\":\"AVAILABLE\",\"statusChangedAt\":\"2024-05-01T10:00:00Z\","
                + "\"crewSize\":1,\"drivingStandard\":\"BASIC\",\"transport\":\"CAR\",\"dispatchGroup\":\"NORTH\","
                + "\"position\":{\"lat\":52.5,\"lon\":-1.2},\"positionAt\":\"2024-05-01T10:00:05Z\"}").getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("store-changelog", written)).isEqualTo(full());
        assertThat(serde.deserializer().deserialize("store-changelog", isoText)).isEqualTo(new Officer("O3", "CS-O3",
                OfficerState.AVAILABLE, Instant.parse("2024-05-01T10:00:00Z"), 1, DrivingStandard.BASIC, Transport.CAR, null, null,
                "NORTH", null, null, null, new GeoPoint(52.5, -1.2), Instant.parse("2024-05-01T10:00:05Z"), null));
    }

    @Test
    void refusesBytesThatAreNotAUnitWithASerializationException() {
        byte[] written = serde.serializer().serialize("t", full());
        byte[] unknownVersion = written.clone();
        unknownVersion[0] = 9;

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", unknownVersion))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("unknown format 9");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(written, written.length + 1)))
                .isInstanceOf(SerializationException.class).hasStackTraceContaining("after the unit's state");
    }
}
