package org.bluelight.coverage.network;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bluelight.coverage.reach.ReachProfile;
import org.bluelight.routing.search.ReachTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reach tables of the profiles and traffic bands officers are searched in, each built once on a background
 * thread (seconds of CPU on a county) while reaches are still searched one by one, then used for every reach in that
 * profile and band. A derived value, rebuilt from the road graph when the app starts, so not state to restore.
 * Bounded: a few tables of a few tens of MB on a county; none at all when one would exceed {@link #MAX_TABLE_BYTES}
 * (a national map: ten times the junctions and the cells is a hundred times the bytes).
 */
final class ReachTables {

    private static final Logger LOG = LoggerFactory.getLogger(ReachTables.class);
    /** A county's table (50,000 junctions × 3,000 cells) is 20 MB. */
    static final long MAX_TABLE_BYTES = 64L << 20;
    /** Officers of one force drive in a couple of profiles at a time, in one band. */
    private static final int MAX_TABLES = 4;

    record Key(ReachProfile profile, String trafficBand) {
    }

    private final boolean fits;
    private final Map<Key, CompletableFuture<ReachTable>> tables = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<ReachTable>> eldest) {
            return size() > MAX_TABLES;
        }
    };
    /** One build at a time, on a thread that ends when idle. */
    private final ExecutorService builder = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            task -> {
                Thread thread = new Thread(task, "coverage-reach-tables");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong buildCpuNanos = new AtomicLong();

    ReachTables(int junctions, int cells) {
        this.fits = ReachTable.bytesFor(junctions, cells) <= MAX_TABLE_BYTES;
    }

    /** The table for {@code key} when built; else empty, and its build started if it was not. */
    Optional<ReachTable> ready(Key key, Supplier<ReachTable> build) {
        CompletableFuture<ReachTable> table = started(key, build);
        return table != null && table.isDone() && !table.isCompletedExceptionally()
                ? Optional.of(table.join()) : Optional.empty();
    }

    /** The table for {@code key}, built first if it is not yet (empty when tables do not fit). */
    Optional<ReachTable> await(Key key, Supplier<ReachTable> build) {
        CompletableFuture<ReachTable> table = started(key, build);
        return table == null ? Optional.empty() : Optional.of(table.join());
    }

    /** CPU time spent building tables so far. */
    Duration buildCpu() {
        return Duration.ofNanos(buildCpuNanos.get());
    }

    private synchronized CompletableFuture<ReachTable> started(Key key, Supplier<ReachTable> build) {
        return fits ? tables.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> timed(build), builder)
                .whenComplete((table, failure) -> {
                    if (failure != null) {
                        LOG.warn("No reach table for {}: its reaches stay searched one by one", k, failure);
                    }
                })) : null;
    }

    private ReachTable timed(Supplier<ReachTable> build) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long began = threads.getCurrentThreadCpuTime();
        try {
            return build.get();
        } finally {
            buildCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - began);
        }
    }
}
