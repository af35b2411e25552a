package org.bluelight.coverage.reach;

import java.util.concurrent.atomic.AtomicLongArray;
import org.bluelight.coverage.cell.CellGrid;

/**
 * The cell of each road node, remembered by node id: a reach holds tens of thousands of nodes,
 * and placing each in its H3 cell again on every search would cost as much as the search.
 * Safe for several stream threads; a node is placed at most a few times.
 */
final class NodeCells {

    /** No H3 index is 0, so 0 marks a node not yet placed. */
    private static final long UNKNOWN = 0;
    private static final int MAX_CACHED_NODE = 1 << 26;

    private final CellGrid grid;
    private volatile AtomicLongArray cells = new AtomicLongArray(1 << 14);

    NodeCells(CellGrid grid) {
        this.grid = grid;
    }

    long cellOf(ReachedNode node) {
        long id = node.nodeId();
        if (id < 0 || id >= MAX_CACHED_NODE) {
            return grid.cellOf(node.position());
        }
        AtomicLongArray known = cells;
        if (id < known.length()) {
            long cell = known.get((int) id);
            if (cell != UNKNOWN) {
                return cell;
            }
        }
        long cell = grid.cellOf(node.position());
        remember((int) id, cell);
        return cell;
    }

    private synchronized void remember(int id, long cell) {
        AtomicLongArray known = cells;
        if (id >= known.length()) {
            AtomicLongArray grown = new AtomicLongArray(Math.max(known.length() * 2, Integer.highestOneBit(id) * 2));
            for (int i = 0; i < known.length(); i++) {
                grown.set(i, known.get(i));
            }
            cells = grown;
            known = grown;
        }
        known.set(id, cell);
    }
}
