package org.bluelight.dispatch.travel;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

class TravelModeTest {

    @Test
    void emergencyDrivingOnlyForStandardAndAdvancedDriversOnGrade1() {
        assertThat(TravelMode.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1).emergency()).isTrue();
        assertThat(TravelMode.forResponse(Transport.VAN, DrivingStandard.STANDARD, 1).emergency()).isTrue();
        assertThat(TravelMode.forResponse(Transport.CAR, DrivingStandard.BASIC, 1).emergency()).isFalse();
        assertThat(TravelMode.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 2).emergency()).isFalse();
        assertThat(TravelMode.forResponse(Transport.BICYCLE, DrivingStandard.ADVANCED, 1).emergency()).isFalse();
        assertThat(TravelMode.forResponse(Transport.FOOT, DrivingStandard.STANDARD, 1).emergency()).isFalse();
    }
}
