package org.bluelight.metrics.topology;

import java.time.Duration;
import org.bluelight.metrics.fsu.FsuRanking;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.metrics.patrol.DosageTracker;
import org.bluelight.metrics.patrol.PatrolAreaIndex;
import org.bluelight.metrics.response.ResponseTargets;
import org.bluelight.metrics.trial.TrialDayClock;
import org.bluelight.runtime.intake.InputLimits;

/**
 * Everything the metrics topology is configured by.
 *
 * @param trialClock trial day boundaries; its zone is also the zone of KPI days and FSU months
 * @param rankingInterval how often (wall clock) the FSU ranking is recomputed and published
 * @param retention when per-record state is purged
 * @param inputLimits what the app trusts of a record's values; records beyond them are dead-lettered
 * @param areaLimits how large a hot spot's patrol areas may be; hot spots beyond them are dead-lettered
 * @param inputPartitions partitions of each input topic (all have one count), so the KPI sample clock waits until every
 *                        input partition has reported ({@link org.bluelight.metrics.response.SourceWatermarks}); 0 when
 *                        not known: it then goes by the partitions seen so far
 * @param maxGroupOfficers most on-duty officers one dispatch group's availability holds: each status change copies
 *                         them all, so an officer new to a full group is refused ({@value #GROUP_FULL})
 */
public record MetricsSettings(TrialDayClock trialClock, double patrolAreaCellDegrees, DosageTracker.Settings dosage,
                              ResponseTargets responseTargets, FsuRanking.Settings ranking, Duration rankingInterval,
                              Retention retention, InputLimits inputLimits, PatrolAreaLimits areaLimits, int inputPartitions,
                              int maxGroupOfficers) {

    /** The dead-letter reason of a status refused by a group that holds {@code maxGroupOfficers} on-duty officers. */
    public static final String GROUP_FULL = "dispatch-group-full";
    /** As dispatch's desk: about 90 times the West Midlands' officers in a group. */
    public static final int DEFAULT_MAX_GROUP_OFFICERS = 5_000;

    public MetricsSettings {
        if (maxGroupOfficers < 1) {
            throw new IllegalArgumentException("maxGroupOfficers must be at least 1, was " + maxGroupOfficers);
        }
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(TrialDayClock.thamesValley(), PatrolAreaIndex.DEFAULT_CELL_DEGREES,
                DosageTracker.Settings.defaults(), ResponseTargets.defaults(), FsuRanking.Settings.defaults(),
                Duration.ofHours(1), Retention.defaults(), InputLimits.defaults(), PatrolAreaLimits.defaults(), 0,
                DEFAULT_MAX_GROUP_OFFICERS);
    }

    public MetricsSettings withRetention(Retention newRetention) {
        return new MetricsSettings(trialClock, patrolAreaCellDegrees, dosage, responseTargets, ranking, rankingInterval, newRetention, inputLimits,
                areaLimits, inputPartitions, maxGroupOfficers);
    }

    public MetricsSettings withMaxGroupOfficers(int value) {
        return new MetricsSettings(trialClock, patrolAreaCellDegrees, dosage, responseTargets, ranking, rankingInterval, retention, inputLimits,
                areaLimits, inputPartitions, value);
    }
}
