package org.bluelight.coverage.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellDeltas;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSignal;
import org.bluelight.routing.GeoPoint;
import org.junit.jupiter.api.Test;

class CellPartitionsTest {

    private static final int PARTITIONS = 3;

    @Test
    void anOfficersDeltasGoOutAsFewBoundedRecordsEachLandingWhereAllItsCellsDo() {
        List<CellDelta> deltas = deltas(1_300);

        List<KeyValue<String, CellSignal>> records = CellPartitions.records(deltas, PARTITIONS);

        List<CellDelta> carried = new ArrayList<>();
        for (KeyValue<String, CellSignal> record : records) {
            List<CellDelta> inRecord = record.value instanceof CellDeltas batch ? batch.deltas() : List.of((CellDelta) record.value);
            assertThat(inRecord).hasSizeLessThanOrEqualTo(CellDeltas.MAX_CELLS);
            int partition = CellPartitions.partitionOf(record.key, PARTITIONS);
            assertThat(inRecord).allSatisfy(delta ->
                    assertThat(CellPartitions.partitionOf(CellGrid.toHex(delta.cell()), PARTITIONS)).isEqualTo(partition));
            carried.addAll(inRecord);
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(deltas);
        // 1,300 cells over 3 partitions: each partition's cells in as few records as the bound allows.
        assertThat(records).hasSizeBetween(1_300 / CellDeltas.MAX_CELLS, 1_300 / CellDeltas.MAX_CELLS + PARTITIONS);
    }

    @Test
    void aSingleDeltaStaysARecordOfItsOwnKeyedByItsCell() {
        CellDelta only = deltas(1).get(0);

        assertThat(CellPartitions.records(List.of(only), PARTITIONS))
                .containsExactly(KeyValue.pair(CellGrid.toHex(only.cell()), only));
        assertThat(CellPartitions.records(List.of(), PARTITIONS)).isEmpty();
    }

    private static List<CellDelta> deltas(int cells) {
        CellGrid grid = new CellGrid(CellGrid.DEFAULT_RESOLUTION);
        List<CellDelta> deltas = new ArrayList<>();
        for (int i = 0; deltas.size() < cells; i++) {
            long cell = grid.cellOf(new GeoPoint(52.0 + (i / 60) * 0.01, -1.0 + (i % 60) * 0.015));
            if (deltas.stream().noneMatch(d -> d.cell() == cell)) {
                deltas.add(new CellDelta(cell, "officer-1", i % 2 == 0 ? 1 : -1, true));
            }
        }
        return deltas;
    }
}
