package org.bluelight.dispatch.stream;

import java.time.Instant;
import java.util.Objects;
import org.bluelight.dispatch.availability.CoverageImpact;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.routing.GeoPoint;

/**
 * What was learnt of an officer before their first status: the latest position and coverage
 * impact, applied to the officer once the status arrives.
 *
 * @param heldSince record time of the first early update, from which the hold runs out
 * @param position  latest position, null when none came
 * @param positionAt when it was measured
 * @param coverage  latest coverage impact, null when none came (or it was cleared)
 */
record EarlyUpdate(Instant heldSince, GeoPoint position, Instant positionAt, CoverageImpact coverage) {

    EarlyUpdate {
        Objects.requireNonNull(heldSince, "heldSince");
    }

    static EarlyUpdate startingAt(Instant at) {
        return new EarlyUpdate(at, null, null, null);
    }

    /** The newer of the held position and this one. */
    EarlyUpdate withPosition(GeoPoint newPosition, Instant measuredAt) {
        if (positionAt != null && measuredAt.isBefore(positionAt)) {
            return this;
        }
        return new EarlyUpdate(heldSince, newPosition, measuredAt, coverage);
    }

    EarlyUpdate withCoverage(CoverageImpact impact) {
        return new EarlyUpdate(heldSince, position, positionAt, impact);
    }

    /** The officer of a first status with what came before it (a position only when newer than the status's). */
    Officer appliedTo(Officer officer) {
        Officer positioned = position == null ? officer : officer.withPosition(position, positionAt);
        return coverage == null ? positioned : positioned.withCoverage(coverage);
    }
}
