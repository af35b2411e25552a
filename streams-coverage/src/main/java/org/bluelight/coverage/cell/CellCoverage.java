package org.bluelight.coverage.cell;

/** The coverage of one cell as published: who can reach it against what it needs. */
public record CellCoverage(long cell, int officersInReach, int availableInReach, double demandPerHour,
                           int requiredLevel, int deficit) {

    public static CellCoverage of(long cell, CellState state, RequiredLevels levels) {
        int required = levels.levelFor(cell, state.demandPerHour());
        return new CellCoverage(cell, state.officersInReach(), state.availableInReach(), state.demandPerHour(),
                required, Math.max(0, required - state.officersInReach()));
    }
}
