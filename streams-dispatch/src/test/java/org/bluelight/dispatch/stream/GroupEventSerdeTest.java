package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class GroupEventSerdeTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123Z");
    private static final GroupEvent UPDATED = new GroupEvent.OfficerUpdated(new Officer("O1", "Alpha 1", OfficerState.AVAILABLE, T0,
            2, DrivingStandard.ADVANCED, Transport.CAR, "ST1", "AREA-1", "NORTH", T0.plusSeconds(3600), null, null,
            new GeoPoint(52.6369, -1.1398), T0.plusMillis(5), new CoverageImpact(3, 0.75)));
    private static final GroupEvent ASSIGNED = new GroupEvent.AssignmentMade("I-1", AssignmentAction.ASSIGNED, List.of("O1", "O2"));
    private final Serde<GroupEvent> serde = GroupEventSerde.create();

    private GroupEvent roundTrip(GroupEvent event) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", event));
    }

    @Test
    void roundTripsAUnitsUpdateInBinaryAndTheOtherEventsAsJson() {
        assertThat(roundTrip(UPDATED)).isEqualTo(UPDATED);
        assertThat(roundTrip(ASSIGNED)).isEqualTo(ASSIGNED);
        assertThat(serde.serializer().serialize("t", UPDATED).length)
                .isLessThan(JsonSerde.of(GroupEvent.class).serializer().serialize("t", UPDATED).length / 2);
        assertThat(serde.serializer().serialize("t", ASSIGNED)).isEqualTo(JsonSerde.of(GroupEvent.class).serializer().serialize("t", ASSIGNED));
    }

    @Test
    void readsUnitsUpdatesWrittenAsJsonByEarlierVersions() {
        byte[] written = JsonSerde.of(GroupEvent.class).serializer().serialize("group-events", UPDATED);

        assertThat(serde.deserializer().deserialize("group-events", written)).isEqualTo(UPDATED);
    }
}
