package org.bluelight.routing.network;

import org.bluelight.routing.AndorraMap;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bands and speed models whose custom models are the same share one weighting, its edge costs and its landmarks
 * (each costs a pass over every edge to build); those whose models differ do not, and each keeps its own band.
 */
class SharedWeightingsIT {

    private static final Instant AM_PEAK = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant PM_PEAK = Instant.parse("2026-03-10T17:00:00Z");
    private static final Instant DAYTIME = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant NIGHT = Instant.parse("2026-03-10T03:00:00Z");

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void peaksWithTheSameFactorsShareOneWeightingAndKeepTheirBands() {
        TravelProfile blueLights = TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1);
        ProfileWeighting am = network.weighting(blueLights, AM_PEAK);
        ProfileWeighting pm = network.weighting(blueLights, PM_PEAK);
        assertThat(am.band().name()).isEqualTo("weekday-am-peak");
        assertThat(pm.band().name()).isEqualTo("weekday-pm-peak");
        assertThat(pm.weighting()).isSameAs(am.weighting());
        assertThat(pm.costs()).isSameAs(am.costs());
        assertThat(network.weighting(blueLights, DAYTIME).costs()).isNotSameAs(am.costs());
        assertThat(network.weighting(blueLights, NIGHT).costs()).isNotSameAs(am.costs());
        assertThat(network.weighting(TravelProfile.basic(Transport.CAR), AM_PEAK).costs()).isNotSameAs(am.costs());
    }

    @Test
    void onFootEveryBandSharesOneWeighting() {
        TravelProfile walking = TravelProfile.basic(Transport.FOOT);
        ProfileWeighting night = network.weighting(walking, NIGHT);
        for (Instant departure : new Instant[]{AM_PEAK, PM_PEAK, DAYTIME})
            assertThat(network.weighting(walking, departure).costs()).isSameAs(night.costs());
        assertThat(network.weighting(TravelProfile.basic(Transport.BICYCLE), NIGHT).costs()).isNotSameAs(night.costs());
    }

    @Test
    void carAndMotorcycleWithTheSameModelShareWeightingAndLandmarksButNotVans() {
        TravelProfile car = TravelProfile.forResponse(Transport.CAR, DrivingStandard.ADVANCED, 1);
        TravelProfile motorcycle = TravelProfile.forResponse(Transport.MOTORCYCLE, DrivingStandard.ADVANCED, 1);
        TravelProfile van = TravelProfile.forResponse(Transport.VAN, DrivingStandard.ADVANCED, 1);
        assertThat(network.weighting(motorcycle, DAYTIME).costs()).isSameAs(network.weighting(car, DAYTIME).costs());
        assertThat(network.landmarks(motorcycle, DAYTIME)).isNotNull().isSameAs(network.landmarks(car, DAYTIME));
        assertThat(network.weighting(van, DAYTIME).costs()).isNotSameAs(network.weighting(car, DAYTIME).costs());
        assertThat(network.landmarks(van, DAYTIME)).isNotNull().isNotSameAs(network.landmarks(car, DAYTIME));
    }
}
