package org.bluelight.dispatch.stream;

import org.bluelight.dispatch.availability.Officer;
import org.bluelight.schemas.OfficerCoverageImpact;

/** coverage.officer-impact: what moving the unit would leave uncovered (a tombstone clears it). */
final class CoverageProcessor extends OfficerTableProcessor<OfficerCoverageImpact> {

    @Override
    Officer apply(String officerId, Officer previous, OfficerCoverageImpact impact) {
        if (previous == null) {
            throw unknownOfficer(officerId, "coverage impact");
        }
        return previous.withCoverage(impact == null ? null : Inbound.coverage(impact));
    }
}
