package org.bluelight.routing.profile;

import org.bluelight.routing.UnknownProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TravelProfileTest {

    @Test
    void standardAndAdvancedDriversUseBlueLightsOnGradeOne() {
        assertThat(TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1).emergency()).isTrue();
        assertThat(TravelProfile.forResponse(Transport.VAN, DrivingStandard.ADVANCED, 1).emergency()).isTrue();
        assertThat(TravelProfile.forResponse(Transport.CAR, DrivingStandard.BASIC, 1).emergency()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(DrivingStandard.class)
    void everyDriverIsRoutedAsBasicOnGradeTwoAndBelow(DrivingStandard standard) {
        TravelProfile grade2 = TravelProfile.forResponse(Transport.CAR, standard, 2);
        TravelProfile grade3 = TravelProfile.forResponse(Transport.MOTORCYCLE, standard, 3);
        assertThat(grade2).isEqualTo(TravelProfile.basic(Transport.CAR));
        assertThat(grade3).isEqualTo(TravelProfile.basic(Transport.MOTORCYCLE));
    }

    @Test
    void footAndBicycleNeverDriveOnBlueLights() {
        assertThat(TravelProfile.forResponse(Transport.FOOT, DrivingStandard.ADVANCED, 1))
                .isEqualTo(TravelProfile.basic(Transport.FOOT));
        assertThatThrownBy(() -> new TravelProfile(Transport.BICYCLE, DrivingStandard.BASIC, true))
                .isInstanceOf(UnknownProfileException.class);
    }

    @Test
    void basicDriverOnBlueLightsIsRefused() {
        assertThatThrownBy(() -> new TravelProfile(Transport.CAR, DrivingStandard.BASIC, true))
                .isInstanceOf(UnknownProfileException.class).hasMessageContaining("BASIC");
    }

    @Test
    void gradeBelowOneIsRefused() {
        assertThatThrownBy(() -> TravelProfile.forResponse(Transport.CAR, DrivingStandard.BASIC, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesRoundTrip() {
        for (Transport transport : Transport.values())
            for (DrivingStandard standard : DrivingStandard.values())
                for (int grade = 1; grade <= 2; grade++) {
                    TravelProfile profile = TravelProfile.forResponse(transport, standard, grade);
                    assertThat(TravelProfile.parse(profile.name())).isEqualTo(profile);
                }
        assertThat(TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1).name()).isEqualTo("car-advanced-emergency");
        assertThat(TravelProfile.basic(Transport.FOOT).name()).isEqualTo("foot");
    }

    @Test
    void unknownNamesGiveTypedError() {
        assertThatThrownBy(() -> TravelProfile.parse("hovercraft-basic"))
                .isInstanceOfSatisfying(UnknownProfileException.class, e -> assertThat(e.profileName()).isEqualTo("hovercraft-basic"));
        assertThatThrownBy(() -> TravelProfile.parse("car-reckless")).isInstanceOf(UnknownProfileException.class);
        assertThatThrownBy(() -> TravelProfile.parse("car")).isInstanceOf(UnknownProfileException.class);
    }

    @Test
    void standardAndAdvancedShareOneSpeedModel() {
        assertThat(TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1).speedModel())
                .isEqualTo(TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1).speedModel())
                .isNotEqualTo(TravelProfile.basic(Transport.CAR).speedModel());
    }
}
