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
 */
public record CrashSettings(int kills, Duration load, double roundsPerSecond, int partitions, Duration downtime, Path osm,
                            Path workDir) {

    public CrashSettings {
        if (kills < 0 || roundsPerSecond <= 0 || partitions < 1 || load.isNegative() || load.isZero() || downtime.isNegative()) {
            throw new IllegalArgumentException("kills >= 0, a positive load and rate, partitions >= 1, downtime >= 0");
        }
        Objects.requireNonNull(osm, "osm");
        Objects.requireNonNull(workDir, "workDir");
    }

    int rounds() {
        return (int) Math.ceil(roundsPerSecond * load.toMillis() / 1000.0);
    }
}
