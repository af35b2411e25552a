package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.DeskForwarding;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.schemas.OfficerCoverageImpact;

/**
 * coverage.officer-impact: what moving the unit would leave uncovered (a tombstone clears it). The
 * coverage app may publish it before this app reads the officer's first status: it is then held.
 */
final class CoverageProcessor extends OfficerTableProcessor<OfficerCoverageImpact, Optional<CoverageImpact>> {

    private final Inbound inbound;

    CoverageProcessor(Inbound inbound, EarlyHold hold, DeskForwarding forwarding, MeterRegistry meters) {
        super(hold, forwarding, meters);
        this.inbound = inbound;
    }

    @Override
    Result<Optional<CoverageImpact>> check(String key, OfficerCoverageImpact impact, Instant recordTime) {
        return inbound.coverage(key, impact, recordTime);
    }

    @Override
    Optional<Officer> apply(String officerId, Officer previous, Optional<CoverageImpact> impact, Instant recordTime) {
        if (previous == null) {
            early.hold(officerId, recordTime, held -> held.withCoverage(impact.orElse(null)));
            return Optional.empty();
        }
        return Optional.of(previous.withCoverage(impact.orElse(null)));
    }
}
