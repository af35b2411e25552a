package org.bluelight.coverage.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletionException;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.search.ReachTable;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.junit.jupiter.api.Test;

/** When reach tables are built, and what a reach gets while none is ready. */
class ReachTablesTest {

    private static final ReachTables.Key CAR = new ReachTables.Key(new ReachProfile(Transport.CAR, DrivingStandard.STANDARD),
            "weekday-am-peak");

    @Test
    void aTableAboveTheBudgetIsNeverBuilt() {
        // 1,000,000 junctions × 30,000 cells: a national map, 3.75 GB as bitsets.
        ReachTables tables = new ReachTables(1_000_000, 30_000);
        assertThat(ReachTable.bytesFor(1_000_000, 30_000)).isGreaterThan(ReachTables.MAX_TABLE_BYTES);
        assertThat(tables.ready(CAR, () -> {
            throw new AssertionError("built a table above the budget");
        })).isEmpty();
        assertThat(tables.await(CAR, () -> {
            throw new AssertionError("built a table above the budget");
        })).isEmpty();
        assertThat(tables.buildCpu()).isZero();
    }

    @Test
    void aFailedBuildLeavesReachesToTheSearch() {
        ReachTables tables = new ReachTables(50_000, 3_000);
        assertThatThrownBy(() -> tables.await(CAR, () -> {
            throw new IllegalStateException("no graph");
        })).isInstanceOf(CompletionException.class).hasRootCauseMessage("no graph");
        assertThat(tables.ready(CAR, () -> {
            throw new AssertionError("built again");
        })).isEmpty();
    }
}
