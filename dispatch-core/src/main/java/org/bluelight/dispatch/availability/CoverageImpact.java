package org.bluelight.dispatch.availability;

/**
 * What sending an officer away would leave uncovered, as published by the coverage app.
 *
 * @param soleCoverCells cells with demand where this officer is the only one in reach
 * @param soleCoverDemandPerHour expected incidents per hour in those cells
 */
public record CoverageImpact(int soleCoverCells, double soleCoverDemandPerHour) {

    public boolean leavesAreaUncovered() {
        return soleCoverCells > 0 && soleCoverDemandPerHour > 0;
    }
}
