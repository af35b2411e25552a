package org.bluelight.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluelight.routing.AndorraMap;
import org.junit.jupiter.api.Test;

class AndorraRoadLinesIT {

    /** The principality and its borders, as far as the extract reaches (the graph bounds hold only junctions). */
    private static final MapBounds AREA = new MapBounds(42.30, 1.30, 42.80, 1.90);

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void everyRoadSegmentIsALineInsideTheMapWithItsRoadClass() {
        List<RoadLine> lines = network.roadLines(0);

        assertThat(lines).hasSize(network.edgeCount());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.points()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(line.points()).allSatisfy(p -> {
                assertThat(p.lat()).isBetween(AREA.minLat(), AREA.maxLat());
                assertThat(p.lon()).isBetween(AREA.minLon(), AREA.maxLon());
            });
        });
        assertThat(lines).extracting(RoadLine::roadClass).contains("primary", "residential");
    }

    @Test
    void simplifyingKeepsEverySegmentsEndsAndDropsPoints() {
        List<RoadLine> exact = network.roadLines(0);
        List<RoadLine> simplified = network.roadLines(5);

        int exactPoints = exact.stream().mapToInt(l -> l.points().size()).sum();
        int simplifiedPoints = simplified.stream().mapToInt(l -> l.points().size()).sum();
        assertThat(simplifiedPoints).isLessThan(exactPoints);
        for (int i = 0; i < exact.size(); i++) {
            assertThat(simplified.get(i).points().get(0)).isEqualTo(exact.get(i).points().get(0));
            assertThat(simplified.get(i).points().get(simplified.get(i).points().size() - 1))
                    .isEqualTo(exact.get(i).points().get(exact.get(i).points().size() - 1));
        }
    }
}
