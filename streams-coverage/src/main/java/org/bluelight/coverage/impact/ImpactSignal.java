package org.bluelight.coverage.impact;

/** A change to one officer's coverage impact. */
public sealed interface ImpactSignal permits SoleCoverChange, ReachSize {

    String officerId();
}
