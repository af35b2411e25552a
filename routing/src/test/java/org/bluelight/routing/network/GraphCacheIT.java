package org.bluelight.routing.network;

import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.eta.Eta;
import org.bluelight.routing.eta.Origin;
import org.bluelight.routing.mapgen.CountyGenerator;
import org.bluelight.routing.mapgen.MapPreset;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated town imports and routes, and the graph cache is reused until the OSM file changes. */
class GraphCacheIT {

    @Test
    void graphIsReusedUntilTheOsmFileChanges(@TempDir Path dir) throws IOException {
        Path osm = dir.resolve("town.osm");
        Path cache = dir.resolve("cache");
        CountyGenerator.generate(MapPreset.TOWN, 1, osm);
        try (RoadNetwork first = RoadNetwork.open(NetworkConfig.of(osm, cache))) {
            assertThat(first.nodeCount()).isGreaterThan(500);
        }
        try (RoadNetwork again = RoadNetwork.open(NetworkConfig.of(osm, cache))) {
            assertThat(again.nodeCount()).isGreaterThan(500);
        }
        assertThat(cacheFolders(cache)).hasSize(1);

        CountyGenerator.generate(MapPreset.TOWN, 2, osm);
        try (RoadNetwork changed = RoadNetwork.open(NetworkConfig.of(osm, cache))) {
            assertThat(changed.nodeCount()).isGreaterThan(500);
        }
        assertThat(cacheFolders(cache)).hasSize(2);
    }

    @Test
    void generatedTownRoutesWithBlueLightsFasterAndManyToOneMatchesRoutes(@TempDir Path dir) throws IOException {
        Path osm = dir.resolve("town.osm.gz");
        CountyGenerator.generate(MapPreset.TOWN, 5, osm);
        try (RoadNetwork town = RoadNetwork.open(NetworkConfig.of(osm, dir.resolve("cache")))) {
            MapBounds bounds = town.bounds();
            GeoPoint target = town.snap(bounds.centre(), TravelProfile.basic(Transport.CAR));
            GeoPoint southWest = town.snap(new GeoPoint(bounds.minLat() + 0.002, bounds.minLon() + 0.002), TravelProfile.basic(Transport.CAR));
            GeoPoint northEast = town.snap(new GeoPoint(bounds.maxLat() - 0.002, bounds.maxLon() - 0.002), TravelProfile.basic(Transport.CAR));
            TravelProfile blueLights = TravelProfile.forResponse(Transport.CAR, DrivingStandard.STANDARD, 1);
            Instant night = Instant.parse("2026-03-10T02:00:00Z");

            assertThat(town.route(southWest, target, blueLights, night).etaSeconds())
                    .isLessThan(town.route(southWest, target, TravelProfile.basic(Transport.CAR), night).etaSeconds());
            List<Origin> origins = List.of(new Origin("sw", southWest, blueLights), new Origin("ne", northEast, TravelProfile.basic(Transport.VAN)));
            var etas = town.etaTo(target, origins, night);
            for (int i = 0; i < origins.size(); i++)
                assertThat(((Eta) etas.get(i)).etaSeconds())
                        .isEqualTo(town.route(origins.get(i).position(), target, origins.get(i).profile(), night).etaSeconds());
        }
    }

    private static List<Path> cacheFolders(Path cache) throws IOException {
        try (Stream<Path> folders = Files.list(cache)) {
            return folders.filter(Files::isDirectory).toList();
        }
    }
}
