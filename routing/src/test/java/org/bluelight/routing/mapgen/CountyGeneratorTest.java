package org.bluelight.routing.mapgen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CountyGeneratorTest {

    @Test
    void sameSeedWritesTheSameBytes(@TempDir Path dir) throws IOException {
        GeneratedMap first = CountyGenerator.generate(MapPreset.TOWN, 42, dir.resolve("a.osm"));
        GeneratedMap second = CountyGenerator.generate(MapPreset.TOWN, 42, dir.resolve("b.osm"));
        assertThat(Files.mismatch(first.file(), second.file())).isEqualTo(-1L);
        assertThat(second.nodes()).isEqualTo(first.nodes());
    }

    @Test
    void anotherSeedWritesAnotherMap(@TempDir Path dir) throws IOException {
        GeneratedMap first = CountyGenerator.generate(MapPreset.TOWN, 1, dir.resolve("a.osm"));
        GeneratedMap second = CountyGenerator.generate(MapPreset.TOWN, 2, dir.resolve("b.osm"));
        assertThat(Files.mismatch(first.file(), second.file())).isNotEqualTo(-1L);
    }

    @Test
    void townHasTheRoadKindsTheIssueAsksFor(@TempDir Path dir) throws IOException {
        GeneratedMap map = CountyGenerator.generate(MapPreset.TOWN, 7, dir.resolve("town.osm"));
        String xml = Files.readString(map.file());
        assertThat(xml).startsWith("<?xml").endsWith("</osm>\n")
                .contains("v=\"residential\"", "v=\"primary\"", "v=\"secondary\"", "v=\"motorway\"", "v=\"motorway_link\"",
                        "k=\"oneway\" v=\"yes\"", "v=\"30 mph\"", "v=\"70 mph\"");
        assertThat(map.nodes()).isGreaterThan(2000);
        assertThat(map.maxLat() - map.minLat()).isBetween(0.04, 0.07); // about 5 km north-south
    }
}
