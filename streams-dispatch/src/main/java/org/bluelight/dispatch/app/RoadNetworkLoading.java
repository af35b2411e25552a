package org.bluelight.dispatch.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.bluelight.dispatch.travel.Journey;
import org.bluelight.dispatch.travel.RoadNetworkTravelTimes;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.network.NetworkConfig;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.network.SearchWarmUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road network opened on a thread of its own, so a starting (or restarted) instance joins its
 * group and restores its stores while the graph loads, instead of after: the two are the longest
 * steps of a start. The loader then runs the warm-up searches and the app's own warm-up, so the first
 * incidents do not run code still interpreted. Travel times wait for all of it the first time they are asked for.
 */
final class RoadNetworkLoading implements TravelTimes, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoadNetworkLoading.class);

    private final CompletableFuture<RoadNetwork> network;
    private final CompletableFuture<TravelTimes> travelTimes;

    private RoadNetworkLoading(CompletableFuture<RoadNetwork> network) {
        this.network = network;
        this.travelTimes = network.thenApply(RoadNetworkTravelTimes::new);
    }

    /**
     * Starts opening the network and warming it up, by the searches, then by {@code thenWarmUp} (the app's own);
     * {@code onFailure} hears why it could not be opened.
     */
    static RoadNetworkLoading start(NetworkConfig config, SearchWarmUp warmUp, Consumer<RoadNetwork> thenWarmUp,
                                    Consumer<Throwable> onFailure) {
        CompletableFuture<RoadNetwork> network = new CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                RoadNetwork opened = RoadNetwork.open(config);
                LOG.info("Road network {} open in {} ms", config.osmFile().getFileName(), opened.importTime().toMillis());
                SearchWarmUp.Outcome warm = warmUp.run(opened, Instant.now());
                LOG.info("Routing warmed up: {} searches, {} ETAs in {} ms", warm.searches(), warm.etas(), warm.took().toMillis());
                thenWarmUp.accept(opened);
                network.complete(opened);
            } catch (RuntimeException | Error e) {
                network.completeExceptionally(e);
                onFailure.accept(e);
            }
        }, "road-network-loader");
        loader.setDaemon(true);
        loader.start();
        return new RoadNetworkLoading(network);
    }

    @Override
    public Map<String, TravelTime> toTarget(GeoPoint target, List<Journey> journeys, Instant departure) {
        return travelTimes.join().toTarget(target, journeys, departure);
    }

    /** Why the network could not be opened, or null (also while it loads). */
    Throwable failure() {
        if (!network.isCompletedExceptionally()) {
            return null;
        }
        try {
            network.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    /** Closes the network once it is open (waiting for a load under way). */
    @Override
    public void close() {
        try {
            network.join().close();
        } catch (CompletionException notOpened) {
            // Nothing to close.
        }
    }
}
