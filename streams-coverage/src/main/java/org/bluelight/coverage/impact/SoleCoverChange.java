package org.bluelight.coverage.impact;

/**
 * The officer became (or stayed, with new demand) the only cover of a cell with demand
 * ({@code sole}), or stopped being it.
 */
public record SoleCoverChange(String officerId, long cell, boolean sole, double demandPerHour) implements ImpactSignal {
}
