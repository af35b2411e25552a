package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.GeneratedMap;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generated town bans the left turn from the west arm into the north arm of its middle junction. */
class TownTurnRestrictionIT {

    private static final Instant NIGHT = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void carsDoNotTurnWhereTheDataForbidsItButWalkersDo(@TempDir Path dir) throws IOException {
        GeneratedMap map = CountyGenerator.generate(MapPreset.TOWN, 11, dir.resolve("town.osm"));
        TownArms arms = TownArms.of(map);
        GeoPoint west = arms.west();
        GeoPoint north = arms.north();

        try (RoadNetwork town = RoadNetwork.open(NetworkConfig.of(map.file(), dir.resolve("cache")))) {
            TravelProfile car = TravelProfile.basic(Transport.CAR);
            double bannedLeft = town.route(west, north, car, NIGHT).distanceMeters();
            double allowedRight = town.route(north, west, car, NIGHT).distanceMeters();
            double walked = town.route(west, north, TravelProfile.basic(Transport.FOOT), NIGHT).distanceMeters();
            assertThat(allowedRight).isCloseTo(100, within(30.0));
            assertThat(walked).isCloseTo(100, within(30.0));
            assertThat(bannedLeft).isGreaterThan(250);
            // the many-to-one search respects the ban too
            assertThat(((Eta) town.etaTo(north, List.of(new Origin("car", west, car)), NIGHT).get(0)).distanceMeters())
                    .isCloseTo(bannedLeft, within(0.01));
            // and so does the search on the contraction hierarchy
            town.prepareHierarchies(List.of(car));
            assertThat(((Eta) town.etaTo(north, List.of(new Origin("car", west, car)), NIGHT).get(0)).distanceMeters())
                    .isCloseTo(bannedLeft, within(0.01));
        }
    }
}
