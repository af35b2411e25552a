package org.bluelight.coverage.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.bluelight.coverage.cell.CellDelta;
import org.bluelight.coverage.cell.CellDeltas;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.CellSignal;

/**
 * Which partition of the cell-keyed repartition topic a cell id lands in, as Kafka's default
 * partitioner places a string key: lets each task seed exactly its own cells, and carry an
 * officer's deltas to each partition in as few records as the bound on a record allows.
 */
final class CellPartitions {

    private CellPartitions() {
    }

    static int partitionOf(String cellId, int partitions) {
        return Utils.toPositive(Utils.murmur2(cellId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * One officer's deltas of one update as records keyed by cell: per partition one record, or one per
     * {@link CellDeltas#MAX_CELLS} cells, keyed by a cell of its own so that it lands where all its cells do.
     */
    static List<KeyValue<String, CellSignal>> records(List<CellDelta> deltas, int partitions) {
        Map<Integer, List<CellDelta>> byPartition = new TreeMap<>();
        for (CellDelta delta : deltas) {
            byPartition.computeIfAbsent(partitionOf(CellGrid.toHex(delta.cell()), partitions), p -> new ArrayList<>())
                    .add(delta);
        }
        List<KeyValue<String, CellSignal>> records = new ArrayList<>();
        for (List<CellDelta> inPartition : byPartition.values()) {
            for (int from = 0; from < inPartition.size(); from += CellDeltas.MAX_CELLS) {
                List<CellDelta> part = inPartition.subList(from, Math.min(inPartition.size(), from + CellDeltas.MAX_CELLS));
                records.add(KeyValue.pair(CellGrid.toHex(part.get(0).cell()),
                        part.size() == 1 ? part.get(0) : new CellDeltas(part)));
            }
        }
        return records;
    }
}
