package org.bluelight.dispatch.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * How long, and for how many officers, position fixes and coverage impacts that arrive before the
 * officer's first status are kept for it. Topics are not read in step, so a fix sent just after a
 * status, or the coverage app's own impact, may well be read first; but a flood of made-up officer
 * ids must not grow the state without bound, so what is held is bounded in count and in time. The
 * same bound holds assignments read before their incident ({@link EarlyAssignments}): as many
 * incidents, as long.
 *
 * @param maxOfficers officers whose early updates are held at once, per task; more are dropped (counted);
 *                    as many incidents' early assignments (more are dead-lettered)
 * @param holdFor     how long an officer's early updates wait for the status before they are dropped (counted)
 */
public record EarlyHold(int maxOfficers, Duration holdFor) {

    public EarlyHold {
        Objects.requireNonNull(holdFor, "holdFor");
        if (maxOfficers < 0 || holdFor.isNegative()) {
            throw new IllegalArgumentException("early hold needs 0 or more officers and a duration of 0 or more, was "
                    + maxOfficers + " for " + holdFor);
        }
    }

    /** 10,000 officers (several forces' worth), for 10 minutes. */
    public static EarlyHold defaults() {
        return new EarlyHold(10_000, Duration.ofMinutes(10));
    }
}
