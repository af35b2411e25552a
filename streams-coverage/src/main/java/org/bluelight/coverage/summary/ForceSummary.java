package org.bluelight.coverage.summary;

/**
 * Coverage of the whole force area at a glance, for supervisors and dashboards.
 *
 * @param demandPerHour             total expected grade 1–2 incidents per hour over all cells
 * @param coveredDemandShare        share of that demand in cells that keep their required level
 *                                  (1 when there is no demand)
 * @param availableCoveredShare     share of the demand in cells that an available officer can reach
 * @param cellsWithDemand           cells with demand
 * @param uncoveredCellsWithDemand  cells with demand that no officer can reach in time
 * @param cellsInDeficit            cells with fewer officers in reach than required
 */
public record ForceSummary(double demandPerHour, double coveredDemandShare, double availableCoveredShare,
                           int cellsWithDemand, int uncoveredCellsWithDemand, int cellsInDeficit) {

    /** Adds cells one by one. */
    public static final class Tally {

        private double demand;
        private double coveredDemand;
        private double availableDemand;
        private int cellsWithDemand;
        private int uncovered;
        private int inDeficit;

        public Tally add(double demandPerHour, int officersInReach, int availableInReach, int deficit) {
            if (deficit > 0) {
                inDeficit++;
            }
            if (demandPerHour <= 0) {
                return this;
            }
            demand += demandPerHour;
            cellsWithDemand++;
            if (deficit == 0) {
                coveredDemand += demandPerHour;
            }
            if (availableInReach > 0) {
                availableDemand += demandPerHour;
            }
            if (officersInReach == 0) {
                uncovered++;
            }
            return this;
        }

        public ForceSummary summary() {
            return new ForceSummary(demand, demand > 0 ? coveredDemand / demand : 1,
                    demand > 0 ? availableDemand / demand : 1, cellsWithDemand, uncovered, inDeficit);
        }
    }
}
