package org.bluelight.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoPointTest {

    @Test
    void parsesLatCommaLon() {
        assertThat(GeoPoint.parse(" 42.5063, 1.5218")).isEqualTo(new GeoPoint(42.5063, 1.5218));
    }

    @Test
    void rejectsTextThatIsNotTwoNumbers() {
        assertThatThrownBy(() -> GeoPoint.parse("42.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoPoint.parse("north,1.5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPositionsOffTheGlobeWithTypedReason() {
        assertThatThrownBy(() -> new GeoPoint(91, 0))
                .isInstanceOfSatisfying(PointNotRoutableException.class,
                        e -> assertThat(e.reason()).isEqualTo(PointNotRoutableException.Reason.INVALID_COORDINATES));
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(PointNotRoutableException.class);
    }
}
