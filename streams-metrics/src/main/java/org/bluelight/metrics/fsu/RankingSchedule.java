package org.bluelight.metrics.fsu;

import java.time.Duration;

/**
 * When the frequent-service-user lists are ranked (wall clock): first as soon as the inputs have
 * caught up after a start (no update for {@code quiet}, or {@code firstRankLimit} after the first
 * update while updates keep coming), then every {@code interval}.
 */
public final class RankingSchedule {

    private final Duration interval;
    private final Duration quiet;
    private final Duration firstRankLimit;
    private long firstUpdateAt = -1;
    private long lastUpdateAt = -1;
    private long lastRankedAt = -1;

    public RankingSchedule(Duration interval, Duration quiet, Duration firstRankLimit) {
        this.interval = interval;
        this.quiet = quiet;
        this.firstRankLimit = firstRankLimit;
    }

    /** An update arrived at {@code now} (epoch ms). */
    public void updated(long now) {
        lastUpdateAt = now;
        if (firstUpdateAt < 0) {
            firstUpdateAt = now;
        }
    }

    /** True when a ranking is due at {@code now}; a due ranking counts as done. */
    public boolean due(long now) {
        boolean due = lastRankedAt < 0
                ? firstUpdateAt >= 0 && (now - lastUpdateAt >= quiet.toMillis() || now - firstUpdateAt >= firstRankLimit.toMillis())
                : now - lastRankedAt >= interval.toMillis();
        if (due) {
            lastRankedAt = now;
        }
        return due;
    }
}
