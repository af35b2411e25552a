package org.bluelight.coverage.reach;

import java.util.Objects;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellSet;

/** The cells of one reach: the road node it was searched from (empty off the road network) and the cells reached. */
public record ReachedCells(OptionalLong originNode, CellSet cells) {

    public ReachedCells {
        Objects.requireNonNull(originNode, "originNode");
        Objects.requireNonNull(cells, "cells");
    }
}
