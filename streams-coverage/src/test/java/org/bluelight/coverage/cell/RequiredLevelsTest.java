package org.bluelight.coverage.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class RequiredLevelsTest {

    private final CellGrid grid = new CellGrid(8);
    private final long cell = grid.cellOf(new GeoPoint(42.5078, 1.5211));

    @Test
    void oneOfficerIsRequiredWhereThereIsDemandAndNoneElsewhere() {
        RequiredLevels levels = RequiredLevels.defaults();
        assertThat(levels.levelFor(cell, 0.2)).isEqualTo(1);
        assertThat(levels.levelFor(cell, 0)).isZero();
    }

    @Test
    void anAreaOverrideAppliesToItsCellsAndACellOverrideWins() {
        long area = CellGrid.parentOf(cell, 6);
        long sibling = grid.disk(cell, 1).stream().filter(c -> c != cell && CellGrid.parentOf(c, 6) == area)
                .findFirst().orElseThrow();
        RequiredLevels levels = new RequiredLevels(1, Map.of(area, 2, cell, 3));

        assertThat(levels.levelFor(sibling, 0.1)).isEqualTo(2);
        assertThat(levels.levelFor(cell, 0.1)).isEqualTo(3);
        assertThat(levels.levelFor(cell, 0)).isZero();
    }

    @Test
    void aNegativeLevelIsRefused() {
        assertThatThrownBy(() -> new RequiredLevels(1, Map.of(cell, -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CellGrid.toHex(cell));
    }
}
