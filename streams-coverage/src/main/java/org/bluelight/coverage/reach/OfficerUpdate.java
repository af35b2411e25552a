package org.bluelight.coverage.reach;

import java.time.Instant;
import java.util.Objects;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.OfficerState;

/** What an officer's reach is computed from: their status and their position fixes. */
public sealed interface OfficerUpdate {

    Instant at();

    /** A status change; {@code position} when the status carried one, else null. */
    record StatusUpdate(OfficerState state, ReachProfile profile, GeoPoint position, Instant at) implements OfficerUpdate {

        public StatusUpdate {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(at, "at");
        }

        /** On duty is present in the area: available or busy, but not off duty (DOMAIN "Area coverage"). */
        public boolean onDuty() {
            return state != OfficerState.OFF_DUTY;
        }

        public boolean available() {
            return state == OfficerState.AVAILABLE;
        }
    }

    record PositionUpdate(GeoPoint position, Instant at) implements OfficerUpdate {

        public PositionUpdate {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(at, "at");
        }
    }
}
