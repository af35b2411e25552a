package org.bluelight.coverage.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the cell-keyed repartition topic a cell id lands in, as Kafka's default
 * partitioner places a string key: lets each task seed exactly its own cells.
 */
final class CellPartitions {

    private CellPartitions() {
    }

    static int partitionOf(String cellId, int partitions) {
        return Utils.toPositive(Utils.murmur2(cellId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
