package org.bluelight.simulator.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.bluelight.simulator.scenario.Scenario;

/**
 * How the live simulator runs.
 *
 * @param speed simulated seconds per wall-clock second (default 30)
 * @param osmFile the road map, already resolved (see {@code MapSource})
 * @param workDir graph cache
 * @param duration wall-clock run time, null to run until closed
 * @param summaryFile where the JSON summary goes at the end, null for none
 * @param dispatcherDelay simulated time the simulated dispatcher takes to accept a recommendation (default 30 s)
 * @param fixInterval simulated time between telematics fixes of a unit (default 30 s)
 * @param statusInterval wall-clock time between status lines (default 5 s)
 * @param manual true when a person assigns at the console: the simulated dispatcher stays away and the force follows
 *               the assignments that arrive on {@code cad.assignments}
 */
public record LiveConfig(String bootstrapServers, URI registryUrl, double speed, Scenario scenario, Path osmFile,
                         Path workDir, Duration duration, Path summaryFile, Duration dispatcherDelay,
                         Duration fixInterval, Duration statusInterval, boolean manual) {

    public LiveConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(workDir, "workDir");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        Objects.requireNonNull(dispatcherDelay, "dispatcherDelay");
        Objects.requireNonNull(fixInterval, "fixInterval");
        Objects.requireNonNull(statusInterval, "statusInterval");
    }

    /** The defaults: speed 30, dispatcher delay 30 s, a fix every 30 s, a status line every 5 s. */
    public static LiveConfig of(String bootstrapServers, URI registryUrl, Scenario scenario, Path osmFile, Path workDir) {
        return new LiveConfig(bootstrapServers, registryUrl, 30, scenario, osmFile, workDir, null, null,
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5), false);
    }

    public LiveConfig withSpeed(double value) {
        return new LiveConfig(bootstrapServers, registryUrl, value, scenario, osmFile, workDir, duration, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, manual);
    }

    public LiveConfig withDuration(Duration value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, value, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, manual);
    }

    public LiveConfig withSummaryFile(Path value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, duration, value,
                dispatcherDelay, fixInterval, statusInterval, manual);
    }

    public LiveConfig withManual(boolean value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, duration, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, value);
    }
}
