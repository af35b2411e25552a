package org.bluelight.coverage.reach;

import java.time.Instant;
import org.bluelight.coverage.cell.CellSet;
import org.bluelight.routing.GeoPoint;

/**
 * What is kept per officer: the latest status and position, and the last computed reach (null
 * while the officer covers nothing). {@code profile} is null until a status has been seen.
 */
public record OfficerReach(boolean onDuty, boolean available, ReachProfile profile, GeoPoint position,
                           Instant positionAt, Reach reach) {

    public static OfficerReach unknown() {
        return new OfficerReach(false, false, null, null, null, null);
    }

    public CellSet cells() {
        return reach == null ? CellSet.empty() : reach.cells();
    }

    /** Covers something only when on duty, with a known profile and position. */
    public boolean canCover() {
        return onDuty && profile != null && position != null;
    }

    /** This officer after {@code update}, reach unchanged; a fix older than the last one is ignored. */
    public OfficerReach updatedBy(OfficerUpdate update) {
        if (update instanceof OfficerUpdate.StatusUpdate status) {
            boolean newerPosition = status.position() != null
                    && (positionAt == null || !status.at().isBefore(positionAt));
            return new OfficerReach(status.onDuty(), status.available(), status.profile(),
                    newerPosition ? status.position() : position, newerPosition ? status.at() : positionAt, reach);
        }
        OfficerUpdate.PositionUpdate fix = (OfficerUpdate.PositionUpdate) update;
        if (positionAt != null && fix.at().isBefore(positionAt)) {
            return this;
        }
        return new OfficerReach(onDuty, available, profile, fix.position(), fix.at(), reach);
    }

    /** This officer with the cells of the reach left out: what is stored apart from the cells. */
    public OfficerReach withoutCells() {
        return reach == null ? this : withReach(reach.withCells(CellSet.empty()));
    }

    /** This officer with the cells of the reach put back. */
    public OfficerReach withCells(CellSet cells) {
        return reach == null ? this : withReach(reach.withCells(cells));
    }

    public OfficerReach withReach(Reach newReach) {
        return new OfficerReach(onDuty, available, profile, position, positionAt, newReach);
    }
}
