package org.bluelight.coverage;

import java.time.Duration;
import java.util.Objects;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.cell.RequiredLevels;
import org.bluelight.coverage.demand.DemandSettings;
import org.bluelight.coverage.reach.ReachRule;
import org.bluelight.runtime.intake.InputLimits;

/**
 * Everything that shapes the coverage computation.
 *
 * @param resolution         H3 resolution of the cells
 * @param reachRule          when an officer's reach is searched again
 * @param grade1Target       the grade 1 attendance target: reach means "within this"
 * @param demand             how demand is estimated from past incidents
 * @param requiredLevels     officers in reach a cell with demand should keep
 * @param cellPartitions     partitions of the repartition topics keyed by cell and by officer
 * @param demandRefresh      how often (in stream time) cells check whether the hour of the week has
 *                           turned and their demand with it
 * @param offRoadSearchRings how many rings of cells around an off-road incident are searched for
 *                           the nearest road cell
 * @param cellEmitInterval   how often (wall-clock) changed cells are published: a cell touched by
 *                           many deltas in that time is published once
 * @param inputLimits        what a record may say (ids, times near its timestamp) before it is dead-lettered
 */
public record CoverageSettings(int resolution, ReachRule reachRule, Duration grade1Target, DemandSettings demand,
                               RequiredLevels requiredLevels, int cellPartitions, Duration demandRefresh,
                               int offRoadSearchRings, Duration cellEmitInterval, InputLimits inputLimits) {

    public CoverageSettings {
        CellGrid.requireResolution(resolution);
        Objects.requireNonNull(reachRule, "reachRule");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(requiredLevels, "requiredLevels");
        Objects.requireNonNull(inputLimits, "inputLimits");
        if (grade1Target.isNegative() || grade1Target.isZero()) {
            throw new IllegalArgumentException("Grade 1 target must be positive, was " + grade1Target);
        }
        if (cellPartitions < 1) {
            throw new IllegalArgumentException("Cell partitions must be at least 1, was " + cellPartitions);
        }
        if (demandRefresh.isNegative() || demandRefresh.isZero()) {
            throw new IllegalArgumentException("Demand refresh must be positive, was " + demandRefresh);
        }
        if (cellEmitInterval.isNegative() || cellEmitInterval.isZero()) {
            throw new IllegalArgumentException("Cell emit interval must be positive, was " + cellEmitInterval);
        }
        if (offRoadSearchRings < 0) {
            throw new IllegalArgumentException("Off-road search rings must be >= 0, was " + offRoadSearchRings);
        }
    }

    public static CoverageSettings defaults() {
        return new CoverageSettings(CellGrid.DEFAULT_RESOLUTION, ReachRule.defaults(), Duration.ofMinutes(15),
                DemandSettings.defaults(), RequiredLevels.defaults(), 1, Duration.ofMinutes(1), 2,
                Duration.ofMillis(100), InputLimits.defaults());
    }

    public CellGrid grid() {
        return new CellGrid(resolution);
    }
}
