package org.bluelight.metrics.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the metrics app keeps per-record state once it can no longer change a published
 * figure, so its stores stay bounded. Purges run on stream time (the trial ledger and first
 * arrivals on the low watermark of their input partitions), each store's once per
 * {@link #sweepInterval} of its retention.
 *
 * @param trialLedger    a record's ledger entry is kept until this long after the end of its trial
 *                       day and after its last version; a correction arriving later counts as new
 * @param firstArrivals  an incident's first-arrival state is kept this long after its report (or
 *                       its first arrival when the report was never seen)
 * @param kpiWindowGrace a KPI window takes samples until this long after its end; then its final
 *                       figures are published and it is dropped, and later samples are refused
 * @param purgeInterval  how often (stream time) the stores are swept at the least
 * @param fsuSources     a call's or a crime or custody record's person links are kept this long after its
 *                       last version; longer than FSU's 12 months, so what is dropped no longer counts in
 *                       anyone's totals, and a correction arriving later counts as new
 */
public record Retention(Duration trialLedger, Duration firstArrivals, Duration kpiWindowGrace, Duration purgeInterval,
                        Duration fsuSources) {

    /** See {@link #sweepInterval}. */
    public static final int SWEEPS_PER_RETENTION = 24;

    public Retention {
        requirePositive(trialLedger, "trialLedger");
        requirePositive(firstArrivals, "firstArrivals");
        Objects.requireNonNull(kpiWindowGrace, "kpiWindowGrace");
        if (kpiWindowGrace.isNegative()) {
            throw new IllegalArgumentException("kpiWindowGrace must not be negative, was " + kpiWindowGrace);
        }
        requirePositive(purgeInterval, "purgeInterval");
        requirePositive(fsuSources, "fsuSources");
    }

    /**
     * How often (stream time) a store that keeps entries for {@code kept} is swept: a
     * {@value #SWEEPS_PER_RETENTION}th of it, and never more often than {@code purgeInterval}. A
     * sweep reads the whole store, so sweeping on a fixed interval cost a replay (a year of stream
     * time in minutes) one full read per interval: tens of thousands of them. This way each entry is
     * read a fixed number of times over its life, and is kept at most a {@value #SWEEPS_PER_RETENTION}th
     * longer than {@code kept}.
     */
    public Duration sweepInterval(Duration kept) {
        Duration share = kept.dividedBy(SWEEPS_PER_RETENTION);
        return share.compareTo(purgeInterval) > 0 ? share : purgeInterval;
    }

    public static Retention defaults() {
        return new Retention(Duration.ofDays(120), Duration.ofDays(7), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofDays(400));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
