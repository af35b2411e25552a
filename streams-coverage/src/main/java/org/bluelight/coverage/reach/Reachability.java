package org.bluelight.coverage.reach;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.bluelight.routing.GeoPoint;

/**
 * Where an officer can get to within the grade 1 target: the port to the road network. The
 * production adapter searches the routing module's road graph.
 */
public interface Reachability {

    /** The road node an officer at {@code position} would start from; empty off the network. */
    OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile);

    /** Every road node reachable from {@code origin} within the grade 1 target, leaving at {@code departure}. */
    ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure);

    /**
     * The key of the reach {@link #reachableFrom} gives for this officer when it is the same for every officer with
     * that key (it is then searched from the key's road node); empty when reaches are not shared (the default).
     */
    default Optional<ReachKey> sharedReach(GeoPoint position, ReachProfile profile, Instant departure) {
        return Optional.empty();
    }
}
