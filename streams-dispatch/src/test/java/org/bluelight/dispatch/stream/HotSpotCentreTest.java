package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class HotSpotCentreTest {

    @Test
    void theCentreIsTheMeanOfTheOuterRingsOfPolygonsAndMultiPolygons() {
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[1.0,42.0],[1.2,42.0],[1.2,42.2],[1.0,42.2]]]}";
        String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[1.4,42.4],[1.6,42.4],[1.6,42.6],[1.4,42.6]]]]}";

        assertThat(HotSpotCentre.of(List.of(square))).contains(new GeoPoint(42.1, 1.1));
        assertThat(HotSpotCentre.of(List.of(square, multi)).orElseThrow().lat()).isCloseTo(42.3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void noUsableGeometryGivesNoCentre() {
        assertThat(HotSpotCentre.of(List.of("{\"type\":\"Point\",\"coordinates\":[1,42]}"))).isEmpty();
        assertThat(HotSpotCentre.of(List.of("not json"))).isEmpty();
        assertThat(HotSpotCentre.of(List.of("{\"type\":\"Polygon\",\"coordinates\":[[[500,900],[500,900]]]}"))).isEmpty();
    }
}
