package org.bluelight.coverage.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.bluelight.coverage.cell.CellGrid;
import org.bluelight.coverage.reach.ReachKey;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.coverage.reach.Reachability;
import org.bluelight.coverage.reach.ReachedArea;
import org.bluelight.coverage.reach.ReachedCells;
import org.bluelight.routing.GeoPoint;

/** Times every reach search: the benchmark's per-officer reach computation time. */
final class TimedReachability implements Reachability {

    static final String SEARCH_TIMER = "coverage.reach.search";

    private final Reachability delegate;
    private final Timer searches;

    TimedReachability(Reachability delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.searches = Timer.builder(SEARCH_TIMER)
                .description("Time to search one officer's reach on the road network")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @Override
    public OptionalLong roadNodeAt(GeoPoint position, ReachProfile profile) {
        return delegate.roadNodeAt(position, profile);
    }

    @Override
    public Optional<ReachKey> sharedReach(GeoPoint position, ReachProfile profile, Instant departure) {
        return delegate.sharedReach(position, profile, departure);
    }

    @Override
    public ReachedCells reachedCells(GeoPoint origin, ReachProfile profile, Instant departure, CellGrid grid) {
        return searches.record(() -> delegate.reachedCells(origin, profile, departure, grid));
    }

    @Override
    public ReachedArea reachableFrom(GeoPoint origin, ReachProfile profile, Instant departure) {
        return searches.record(() -> delegate.reachableFrom(origin, profile, departure));
    }
}
