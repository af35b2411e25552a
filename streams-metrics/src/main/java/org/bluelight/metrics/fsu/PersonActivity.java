package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * One thing that links a person to the police in the FSU window: a call they made or were the
 * subject of, a crime they had roles in, or a custody episode.
 *
 * @param at when it happened, for the 12-month window: a call's report time, a crime record's
 *           creation (its first recording), a custody arrival
 * @param resourceHours resource hours of a call
 * @param endAt release from custody, null while still in custody
 * @param area neighbourhood area of a call, null when unknown
 * @param homeArea the person's home area as a crime or custody record gives it, null when not given
 */
public record PersonActivity(Kind kind, Instant at, double resourceHours, Set<CrimeRole> roles, Instant endAt,
                             Set<SafeguardingTheme> themes, String area, String homeArea) {

    public enum Kind { ORIGINATOR_CALL, SUBJECT_CALL, CRIME, CUSTODY }

    public PersonActivity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        roles = roles.isEmpty() ? EnumSet.noneOf(CrimeRole.class) : EnumSet.copyOf(roles);
        themes = themes.isEmpty() ? EnumSet.noneOf(SafeguardingTheme.class) : EnumSet.copyOf(themes);
    }

    /**
     * This version of a source recorded over its {@code previous} one (null when none): a crime
     * keeps the time it was first recorded, so later amendments do not restart its 12 months.
     */
    public PersonActivity over(PersonActivity previous) {
        if (previous != null && kind == Kind.CRIME && previous.at().isBefore(at)) {
            return new PersonActivity(kind, previous.at(), resourceHours, roles, endAt, themes, area, homeArea);
        }
        return this;
    }

    public static PersonActivity call(boolean originator, Instant reportedAt, double resourceHours,
                                      Set<SafeguardingTheme> themes, String area) {
        return new PersonActivity(originator ? Kind.ORIGINATOR_CALL : Kind.SUBJECT_CALL, reportedAt, resourceHours,
                Set.of(), null, themes, area, null);
    }

    public static PersonActivity crime(Instant createdAt, Set<CrimeRole> roles, String homeArea) {
        return new PersonActivity(Kind.CRIME, createdAt, 0.0, roles, null, Set.of(), null, homeArea);
    }

    public static PersonActivity custody(Instant arrivedAt, Instant releasedAt, String homeArea) {
        return new PersonActivity(Kind.CUSTODY, arrivedAt, 0.0, Set.of(), releasedAt, Set.of(), null, homeArea);
    }
}
