package org.bluelight.coverage.stream;

import java.time.Instant;
import org.bluelight.coverage.cell.CellCoverage;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.impact.OfficerImpact;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.CoverageCell;
import org.bluelight.schemas.OfficerCoverageImpact;

/** The published contracts built from the coverage values. */
final class CoverageRecords {

    private CoverageRecords() {
    }

    static CoverageCell cell(CellCoverage coverage, CellGrid grid, Instant at) {
        GeoPoint center = grid.centerOf(coverage.cell());
        return CoverageCell.newBuilder()
                .setCellId(CellGrid.toHex(coverage.cell()))
                .setResolution(grid.resolution())
                .setCenter(new org.bluelight.schemas.GeoPoint(center.lat(), center.lon()))
                .setOfficersInReach(coverage.officersInReach())
                .setAvailableInReach(coverage.availableInReach())
                .setDemandPerHour(coverage.demandPerHour())
                .setRequiredLevel(coverage.requiredLevel())
                .setDeficit(coverage.deficit())
                .setUpdatedAt(at)
                .build();
    }

    static OfficerCoverageImpact impact(String officerId, OfficerImpact impact, Instant at) {
        return OfficerCoverageImpact.newBuilder()
                .setOfficerId(officerId)
                .setSoleCoverCells(impact.soleCoverCellCount())
                .setSoleCoverDemandPerHour(impact.soleCoverDemandPerHour())
                .setReachableCells(impact.reachableCells())
                .setUpdatedAt(at)
                .build();
    }
}
