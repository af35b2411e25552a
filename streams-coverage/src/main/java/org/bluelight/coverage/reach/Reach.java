package org.bluelight.coverage.reach;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;

/** One computed reach: where from, with which profile, and the cells it covers. */
public record Reach(GeoPoint origin, OptionalLong originNode, ReachProfile profile, CellSet cells, Instant computedAt) {

    public Reach {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(originNode, "originNode");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(computedAt, "computedAt");
    }

    public Reach withCells(CellSet newCells) {
        return new Reach(origin, originNode, profile, newCells, computedAt);
    }
}
