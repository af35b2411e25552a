package org.bluelight.coverage.impact;

/** How many cells the officer can now reach within the grade 1 target. */
public record ReachSize(String officerId, int reachableCells) implements ImpactSignal {
}
