package org.bluelight.coverage.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.PointNotRoutableException;
import org.junit.jupiter.api.Test;

class CellGridTest {

    private final CellGrid grid = new CellGrid(CellGrid.DEFAULT_RESOLUTION);

    @Test
    void defaultCellsAreAboutThreeQuartersOfASquareKilometre() {
        assertThat(grid.averageCellAreaKm2()).isCloseTo(0.74, within(0.01));
    }

    @Test
    void aPositionFallsInACellWhoseCentreIsNearby() {
        GeoPoint place = new GeoPoint(42.5078, 1.5211);
        long cell = grid.cellOf(place);
        assertThat(CellGrid.resolutionOf(cell)).isEqualTo(8);
        assertThat(place.metersTo(grid.centerOf(cell))).isLessThan(600);
        assertThat(CellGrid.parse(CellGrid.toHex(cell))).isEqualTo(cell);
    }

    @Test
    void aCellIdThatIsNotOneIsATypedError() {
        assertThatThrownBy(() -> CellGrid.parse("not-a-cell")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-cell");
        assertThatThrownBy(() -> new CellGrid(16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInvalidPositionIsRefused() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(PointNotRoutableException.class);
        assertThatThrownBy(() -> new GeoPoint(0, Double.NaN)).isInstanceOf(PointNotRoutableException.class);
    }

    @Test
    void distanceIsGreatCircle() {
        // One degree of latitude is about 111.2 km.
        assertThat(new GeoPoint(42, 1).metersTo(new GeoPoint(43, 1))).isCloseTo(111_195, within(50.0));
    }

    @Test
    void roadCellsPlaceAnOffRoadLocationInTheNearestRoadCell() {
        GeoPoint road = new GeoPoint(42.5078, 1.5211);
        RoadCells roadCells = RoadCells.fromRoadNodes(grid, List.of(road), 3);
        long roadCell = grid.cellOf(road);
        long neighbour = grid.disk(roadCell, 1).stream().filter(c -> c != roadCell).findFirst().orElseThrow();

        assertThat(roadCells.contains(roadCell)).isTrue();
        assertThat(roadCells.contains(neighbour)).isFalse();
        assertThat(roadCells.cellFor(grid.centerOf(neighbour))).contains(roadCell);
        assertThat(roadCells.cellFor(new GeoPoint(42.7, 1.5))).isEmpty();
    }
}
