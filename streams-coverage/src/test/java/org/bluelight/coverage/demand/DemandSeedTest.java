package org.bluelight.coverage.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class DemandSeedTest {

    private final CellGrid grid = new CellGrid(8);
    private final String cell = CellGrid.toHex(grid.cellOf(new GeoPoint(42.5078, 1.5211)));

    @Test
    void readsRatesByCellAndHourOfWeek() {
        DemandSeed seed = DemandSeed.parse(List.of("# last year", DemandSeed.HEADER, cell + ",10,0.25", "",
                cell + ",167,1.5"), grid, "seed.csv");
        long id = CellGrid.parse(cell);
        assertThat(seed.rateFor(id, new HourOfWeek(10))).isEqualTo(0.25);
        assertThat(seed.rateFor(id, new HourOfWeek(167))).isEqualTo(1.5);
        assertThat(seed.rateFor(id, new HourOfWeek(11))).isZero();
        assertThat(seed.cells()).containsExactly(id);
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() {
        assertThatThrownBy(() -> DemandSeed.parse(List.of("cell,hour,rate"), grid, "seed.csv"))
                .isInstanceOf(DemandSeedException.class).hasMessageContaining("seed.csv line 1");
        assertThatThrownBy(() -> DemandSeed.parse(List.of(DemandSeed.HEADER, cell + ",168,0.1"), grid, "seed.csv"))
                .isInstanceOf(DemandSeedException.class).hasMessageContaining("line 2").hasMessageContaining("167");
        assertThatThrownBy(() -> DemandSeed.parse(List.of(DemandSeed.HEADER, cell + ",1,-0.1"), grid, "seed.csv"))
                .isInstanceOf(DemandSeedException.class).hasMessageContaining(">= 0");
        String coarse = CellGrid.toHex(new CellGrid(7).cellOf(new GeoPoint(42.5, 1.5)));
        assertThatThrownBy(() -> DemandSeed.parse(List.of(DemandSeed.HEADER, coarse + ",1,0.1"), grid, "seed.csv"))
                .isInstanceOf(DemandSeedException.class).hasMessageContaining("resolution 7");
    }
}
