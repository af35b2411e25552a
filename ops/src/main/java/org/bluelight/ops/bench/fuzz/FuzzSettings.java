package org.bluelight.ops.bench.fuzz;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * One fuzz campaign's size and place.
 *
 * @param hostilePerTopic hostile records sent to each input topic, cycling through the kinds
 * @param goodRounds      rounds of the good workload (each: an officer, two incidents, a crime, a custody record)
 * @param seed            makes the hostile records and their order reproducible
 * @param osm             the road map the apps run on
 * @param workDir         where each run's broker and app state go (deleted first)
 * @param catchUpLimit    how long each run's apps may take to read every input to its end
 */
public record FuzzSettings(int hostilePerTopic, int goodRounds, long seed, Path osm, Path workDir, Duration catchUpLimit) {

    /** Five minutes: ample for 1,000 hostile records per topic on two cores. */
    public static final Duration DEFAULT_CATCH_UP_LIMIT = Duration.ofMinutes(5);

    public FuzzSettings {
        if (hostilePerTopic < 0 || goodRounds < 1) {
            throw new IllegalArgumentException("hostilePerTopic must be >= 0 and goodRounds >= 1");
        }
        Objects.requireNonNull(osm, "osm");
        Objects.requireNonNull(workDir, "workDir");
        if (catchUpLimit.isNegative() || catchUpLimit.isZero()) {
            throw new IllegalArgumentException("catchUpLimit must be positive");
        }
    }
}
