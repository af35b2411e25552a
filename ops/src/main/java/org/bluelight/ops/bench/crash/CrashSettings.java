package org.bluelight.ops.bench.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One crash audit's size and place.
 *
 * @param kills          hard kills during the load (the last one kills every dispatch instance at once)
 * @param load           how long the load is fed
 * @param roundsPerSecond rounds of the workload per second (each: an officer on duty, two incidents,
 *                       an assignment, statuses, a crime and a custody record)
 * @param partitions     partitions of every topic
 * @param downtime       how long a killed instance stays down while its partner runs
 * @param osm            the road map
 * @param workDir        where the runs' broker, app state and logs go (deleted first)
 * @param instances      instances of each app in the crash run: 2 (a kill is a failover, the last one a restart
 *                       of both), or 1 (every kill a restart of the app's only instance on its state directory)
 */
public record CrashSettings(int kills, Duration load, double roundsPerSecond, int partitions, Duration downtime, Path osm,
                            Path workDir, int instances) {

    public CrashSettings {
        if (kills < 0 || roundsPerSecond <= 0 || partitions < 1 || load.isNegative() || load.isZero() || downtime.isNegative()
                || instances < 1 || instances > 2) {
            throw new IllegalArgumentException("kills >= 0, a positive load and rate, partitions >= 1, downtime >= 0, 1 or 2 instances");
        }
        Objects.requireNonNull(osm, "osm");
        Objects.requireNonNull(workDir, "workDir");
    }

    /** Two instances of each app. */
    public CrashSettings(int kills, Duration load, double roundsPerSecond, int partitions, Duration downtime, Path osm, Path workDir) {
        this(kills, load, roundsPerSecond, partitions, downtime, osm, workDir, 2);
    }

    int rounds() {
        return (int) Math.ceil(roundsPerSecond * load.toMillis() / 1000.0);
    }
}
