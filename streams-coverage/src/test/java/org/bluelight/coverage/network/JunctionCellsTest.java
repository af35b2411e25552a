package org.bluelight.coverage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class JunctionCellsTest {

    private final CellGrid grid = new CellGrid(8);

    /** Junction i lies 150 m north of junction i - 1: a road crossing several cells. */
    private static GeoPoint position(int junction) {
        return new GeoPoint(42.5 + junction * 150 / 111_195.0, 1.5);
    }

    private final JunctionCells cells = new JunctionCells(60, JunctionCellsTest::position, grid);

    @Test
    void junctionsArePlacedInTheCellsOfTheirPositionsEachCellOnce() {
        int[] junctions = {5, 4, 3, 40, 41, 5, 0, 59};
        long[] expected = Arrays.stream(junctions).mapToLong(j -> grid.cellOf(position(j))).toArray();
        assertThat(cells.cellsOf(junctions)).isEqualTo(CellSet.of(expected));
        assertThat(cells.cellsOf(junctions).size()).isLessThan(junctions.length);
    }

    @Test
    void noJunctionsNoCells() {
        assertThat(cells.cellsOf(new int[0])).isEqualTo(CellSet.empty());
        assertThat(cells.resolution()).isEqualTo(8);
    }
}
