package org.bluelight.metrics.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.PatrolArea;
import org.junit.jupiter.api.Test;

class PatrolAreaIndexTest {

    /** A square with a square hole, in Oxford. */
    static final String SQUARE_WITH_HOLE = """
            {"type":"Polygon","coordinates":[
              [[-1.260,51.750],[-1.250,51.750],[-1.250,51.760],[-1.260,51.760],[-1.260,51.750]],
              [[-1.257,51.753],[-1.253,51.753],[-1.253,51.757],[-1.257,51.757],[-1.257,51.753]]]}""";
    static final String TWO_TRIANGLES = """
            {"type":"MultiPolygon","coordinates":[
              [[[-0.98,51.45],[-0.96,51.45],[-0.98,51.47],[-0.98,51.45]]],
              [[[-0.90,51.45],[-0.88,51.45],[-0.88,51.47],[-0.90,51.45]]]]}""";

    static HotSpot hotSpot(String id, boolean excluded, String... geometries) {
        List<PatrolArea> areas = new java.util.ArrayList<>();
        for (int i = 0; i < geometries.length; i++) {
            areas.add(new PatrolArea(id + "-P" + (i + 1), geometries[i]));
        }
        return HotSpot.newBuilder().setHotSpotId(id).setName(id).setTrialId("T").setPatrolAreas(areas).setExcluded(excluded).build();
    }

    @Test
    void polygonWithHole() {
        AreaShape shape = AreaShape.fromGeoJson(SQUARE_WITH_HOLE);
        assertThat(shape.contains(51.751, -1.259)).isTrue();
        assertThat(shape.contains(51.755, -1.255)).as("in the hole").isFalse();
        assertThat(shape.contains(51.761, -1.255)).as("north of it").isFalse();
    }

    @Test
    void multiPolygonContainsPointsInEitherPart() {
        AreaShape shape = AreaShape.fromGeoJson(TWO_TRIANGLES);
        assertThat(shape.contains(51.452, -0.978)).isTrue();
        assertThat(shape.contains(51.452, -0.882)).isTrue();
        assertThat(shape.contains(51.468, -0.962)).as("outside the first triangle's hypotenuse").isFalse();
        assertThat(shape.contains(51.46, -0.93)).as("between the parts").isFalse();
    }

    @Test
    void indexFindsAreasAndTheirHotSpotAndSkipsExcluded() {
        PatrolAreaIndex index = PatrolAreaIndex.of(List.of(
                hotSpot("HS1", false, SQUARE_WITH_HOLE, TWO_TRIANGLES),
                hotSpot("PRISON", true, SQUARE_WITH_HOLE)));
        assertThat(index.areaCount()).isEqualTo(2);
        assertThat(index.locate(51.751, -1.259)).containsExactly(new PatrolAreaIndex.Located("HS1", "HS1-P1"));
        assertThat(index.locate(51.452, -0.882)).containsExactly(new PatrolAreaIndex.Located("HS1", "HS1-P2"));
        assertThat(index.hotSpotsAt(51.755, -1.255)).isEmpty();
        assertThat(index.hotSpotsAt(0, 0)).isEmpty();
    }

    @Test
    void indexAgreesWithTestingEveryAreaOnRandomPoints() {
        PatrolAreaIndex index = PatrolAreaIndex.of(List.of(hotSpot("A", false, SQUARE_WITH_HOLE), hotSpot("B", false, TWO_TRIANGLES)), 0.003);
        AreaShape a = AreaShape.fromGeoJson(SQUARE_WITH_HOLE);
        AreaShape b = AreaShape.fromGeoJson(TWO_TRIANGLES);
        Random random = new Random(5);
        int inside = 0;
        for (int i = 0; i < 20_000; i++) {
            double lat = 51.44 + random.nextDouble() * 0.33;
            double lon = -1.27 + random.nextDouble() * 0.40;
            java.util.Set<String> expected = new java.util.TreeSet<>();
            if (a.contains(lat, lon)) {
                expected.add("A");
            }
            if (b.contains(lat, lon)) {
                expected.add("B");
            }
            inside += expected.size();
            assertThat(index.hotSpotsAt(lat, lon)).isEqualTo(expected);
        }
        assertThat(inside).isPositive();
    }

    @Test
    void badGeometryIsATypedErrorNamingTheArea() {
        assertThatThrownBy(() -> PatrolAreaIndex.of(List.of(hotSpot("HS9", false, "{\"type\":\"Point\",\"coordinates\":[0,0]}"))))
                .isInstanceOf(GeometryFormatException.class).hasMessageContaining("HS9-P1").hasMessageContaining("Point");
        assertThatThrownBy(() -> AreaShape.fromGeoJson("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,0]]]}"))
                .isInstanceOf(GeometryFormatException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> AreaShape.fromGeoJson("not json")).isInstanceOf(GeometryFormatException.class);
    }

    @Test
    void anAreaTheSizeOfTheWorldIsRefusedWithoutIndexingItsCells() {
        String world = "{\"type\":\"Polygon\",\"coordinates\":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}";
        // 2.6 billion grid cells at the default cell: building them took the global thread a minute and more.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> PatrolAreaIndex.of(List.of(hotSpot("WORLD", false, world))))
                        .isInstanceOf(GeometryFormatException.class).hasMessageContaining("grid cells"));
    }

    @Test
    void aCatalogueOfManyHotSpotsBuildsItsIndexOnceWhenLookedUp() {
        HotSpotCatalogue catalogue = new HotSpotCatalogue(PatrolAreaIndex.DEFAULT_CELL_DEGREES);
        for (int i = 0; i < 2_000; i++) {
            catalogue.put(hotSpot("HS" + i, false, SQUARE_WITH_HOLE));
        }
        assertThat(catalogue.index().areaCount()).isEqualTo(2_000);
        assertThat(catalogue.index().hotSpotsAt(51.751, -1.259)).hasSize(2_000);
        catalogue.remove("HS0");
        assertThat(catalogue.index().areaCount()).isEqualTo(1_999);
    }
}
