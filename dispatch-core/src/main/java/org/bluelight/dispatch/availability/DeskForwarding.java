package org.bluelight.dispatch.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bluelight.routing.GeoPoint;

/**
 * Which changes of a unit go on to its dispatch group's desk: first which fixes go on to the live
 * availability table ({@link #movesOn}, judged where fixes are read, apart from the unit's other
 * inputs), then which changes of the table go on to the desk ({@link #forwards}). The desk needs a
 * unit's position only as finely as its ETAs can tell apart. 50 m is 3–4 s of driving at urban
 * speeds (about 10 s on the slowest roads), well inside the error of a fix and of a road-network
 * ETA, so most fixes of a moving unit go no further than where they are read.
 * A change of anything but the position (status, group, crew, shift, incident, coverage...) always
 * goes on, and so does a position once the desk's is {@code after} old, so the desk's copy never
 * ages into the rules' stale-position penalty (checked against {@code staleAfter} in the settings).
 *
 * @param minMoveMeters a fix goes on when the unit is at least this far from the position the desk has
 * @param after         a fix goes on when the desk's position is at least this much older than it; 0 m and 0 s
 *                      forward every update, as before fixes were thinned
 */
public record DeskForwarding(int minMoveMeters, Duration after) {

    public DeskForwarding {
        Objects.requireNonNull(after, "after");
        if (minMoveMeters < 0 || after.isNegative()) {
            throw new IllegalArgumentException("desk forwarding needs a distance and a duration of 0 or more, was "
                    + minMoveMeters + " m and " + after);
        }
    }

    /** 50 m or 30 s. */
    public static DeskForwarding defaults() {
        return new DeskForwarding(50, Duration.ofSeconds(30));
    }

    /** Every update goes on, as before fixes were thinned. */
    public static DeskForwarding everyChange() {
        return new DeskForwarding(0, Duration.ZERO);
    }

    /**
     * @param atDesk  the unit as its desk last got it; null when the desk has never had it
     * @param updated the unit as the table now holds it
     */
    public boolean forwards(Officer atDesk, Officer updated) {
        if (atDesk == null || forwardsEveryUpdate() || !sameApartFromPosition(atDesk, updated)) {
            return true;
        }
        if (atDesk.position() == null || updated.position() == null) {
            return !Objects.equals(atDesk.position(), updated.position());
        }
        return movesOn(atDesk.position(), atDesk.positionAt(), updated.position(), updated.positionAt());
    }

    /**
     * Whether a fix goes on, judged by its position alone: the telematics task, which reads fixes
     * apart from everything else, knows no more of the unit.
     *
     * @param sent   the last position that went on from there; null when none has
     * @param sentAt when that position was measured
     */
    public boolean movesOn(GeoPoint sent, Instant sentAt, GeoPoint position, Instant at) {
        return sent == null || forwardsEveryUpdate() || sent.metersTo(position) >= minMoveMeters
                || Duration.between(sentAt, at).compareTo(after) >= 0;
    }

    private boolean forwardsEveryUpdate() {
        return minMoveMeters == 0 && after.isZero();
    }

    /** Every attribute of the record but position and positionAt: a new one must be added here. */
    private static boolean sameApartFromPosition(Officer a, Officer b) {
        return a.id().equals(b.id())
                && Objects.equals(a.callSign(), b.callSign())
                && a.state() == b.state()
                && Objects.equals(a.statusChangedAt(), b.statusChangedAt())
                && a.crewSize() == b.crewSize()
                && a.drivingStandard() == b.drivingStandard()
                && a.transport() == b.transport()
                && Objects.equals(a.homeStation(), b.homeStation())
                && Objects.equals(a.homeArea(), b.homeArea())
                && a.dispatchGroup().equals(b.dispatchGroup())
                && Objects.equals(a.shiftEnd(), b.shiftEnd())
                && Objects.equals(a.predictedFreeAt(), b.predictedFreeAt())
                && Objects.equals(a.incidentId(), b.incidentId())
                && Objects.equals(a.coverage(), b.coverage());
    }
}
