package org.bluelight.dispatch.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bluelight.dispatch.fixtures.Units;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.OfficerState;
import org.junit.jupiter.api.Test;

class DeskForwardingTest {

    private static final GeoPoint BASE = new GeoPoint(42.5063, 1.5218);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private final DeskForwarding forwarding = DeskForwarding.defaults();
    private final Officer atDesk = Units.unit("O1").at(BASE, T0).build();

    @Test
    void holdsASmallMoveSoonAfterTheDesksPosition() {
        Officer moved = atDesk.withPosition(BASE.offset(49, 90), T0.plusSeconds(29));

        assertThat(forwarding.forwards(atDesk, moved)).isFalse();
    }

    @Test
    void forwardsAMoveOfTheThresholdOrMore() {
        assertThat(forwarding.forwards(atDesk, atDesk.withPosition(BASE.offset(51, 90), T0.plusSeconds(1)))).isTrue();
        assertThat(forwarding.forwards(atDesk, atDesk.withPosition(BASE.offset(500, 0), T0.plusSeconds(1)))).isTrue();
    }

    @Test
    void forwardsAPositionOnceTheDesksIsOldEnoughEvenWithoutMoving() {
        assertThat(forwarding.forwards(atDesk, atDesk.withPosition(BASE, T0.plusSeconds(30)))).isTrue();
        assertThat(forwarding.forwards(atDesk, atDesk.withPosition(BASE, T0.plusSeconds(29)))).isFalse();
    }

    @Test
    void forwardsEveryChangeOfAnythingButThePositionHoweverSmallTheMove() {
        GeoPoint near = BASE.offset(5, 90);
        Instant soon = T0.plusSeconds(5);
        Units same = Units.unit("O1").at(near, soon);

        assertThat(forwarding.forwards(atDesk, same.build())).as("position only").isFalse();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).state(OfficerState.ON_BREAK).build())).as("status").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).group("SOUTH").build())).as("group").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).crew(2).build())).as("crew").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).shiftEnd(T0.plusSeconds(3600)).build())).as("shift").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).driver(DrivingStandard.ADVANCED).build())).as("driver").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).on(OfficerState.EN_ROUTE, "I1").build())).as("incident").isTrue();
        assertThat(forwarding.forwards(atDesk, Units.unit("O1").at(near, soon).coverage(new CoverageImpact(2, 0.5)).build()))
                .as("coverage").isTrue();
    }

    @Test
    void forwardsTheFirstStateAndTheFirstPosition() {
        Officer noPosition = Units.unit("O1").build();

        assertThat(forwarding.forwards(null, atDesk)).isTrue();
        assertThat(forwarding.forwards(noPosition, noPosition.withPosition(BASE, T0))).isTrue();
        assertThat(forwarding.forwards(noPosition, noPosition)).isFalse();
    }

    @Test
    void everyChangeForwardsEveryUpdate() {
        Officer noPosition = Units.unit("O1").build();

        assertThat(DeskForwarding.everyChange().forwards(atDesk, atDesk.withPosition(BASE, T0.plusMillis(1)))).isTrue();
        assertThat(DeskForwarding.everyChange().forwards(noPosition, noPosition)).isTrue();
    }

    @Test
    void refusesNegativeThresholds() {
        assertThatThrownBy(() -> new DeskForwarding(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeskForwarding(0, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
