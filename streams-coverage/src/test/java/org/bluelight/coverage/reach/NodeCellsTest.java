package org.bluelight.coverage.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class NodeCellsTest {

    private final CellGrid grid = new CellGrid(8);
    private final NodeCells nodeCells = new NodeCells(grid);

    @Test
    void aNodeIsPlacedInTheCellOfItsPositionWhateverItsId() {
        for (long id : new long[] {0, 1, 20_000, 5_000_000, -1, Long.MAX_VALUE}) {
            GeoPoint position = new GeoPoint(42.5 + id % 97 * 1e-3, 1.5);
            ReachedNode node = new ReachedNode(id, position, Duration.ZERO);
            assertThat(nodeCells.cellOf(node)).isEqualTo(grid.cellOf(position));
            assertThat(nodeCells.cellOf(node)).isEqualTo(grid.cellOf(position));
        }
    }
}
