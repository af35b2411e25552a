package org.bluelight.simulator.live;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluelight.schemas.registry.BasicAuth;
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
 * @param clientSecurity {@code security.protocol}, {@code sasl.*} and {@code ssl.*} for its Kafka clients (none by default)
 * @param registryAuth its credentials for the schema registry (none by default)
 * @param recordsClientSecurity as {@code clientSecurity}, for the producer that plays the records systems (crime,
 *                              custody, hot spots and the trial), which a secured cluster gives an account of their own
 */
public record LiveConfig(String bootstrapServers, URI registryUrl, double speed, Scenario scenario, Path osmFile,
                         Path workDir, Duration duration, Path summaryFile, Duration dispatcherDelay,
                         Duration fixInterval, Duration statusInterval, boolean manual, Map<String, String> clientSecurity,
                         Optional<BasicAuth> registryAuth, Map<String, String> recordsClientSecurity) {

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
        clientSecurity = Map.copyOf(clientSecurity);
        Objects.requireNonNull(registryAuth, "registryAuth");
        recordsClientSecurity = Map.copyOf(recordsClientSecurity);
    }

    /** The defaults: speed 30, dispatcher delay 30 s, a fix every 30 s, a status line every 5 s. */
    public static LiveConfig of(String bootstrapServers, URI registryUrl, Scenario scenario, Path osmFile, Path workDir) {
        return new LiveConfig(bootstrapServers, registryUrl, 30, scenario, osmFile, workDir, null, null,
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5), false, Map.of(), Optional.empty(), Map.of());
    }

    public LiveConfig withSpeed(double value) {
        return new LiveConfig(bootstrapServers, registryUrl, value, scenario, osmFile, workDir, duration, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, manual, clientSecurity, registryAuth, recordsClientSecurity);
    }

    public LiveConfig withDuration(Duration value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, value, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, manual, clientSecurity, registryAuth, recordsClientSecurity);
    }

    public LiveConfig withSummaryFile(Path value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, duration, value,
                dispatcherDelay, fixInterval, statusInterval, manual, clientSecurity, registryAuth, recordsClientSecurity);
    }

    public LiveConfig withManual(boolean value) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, duration, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, value, clientSecurity, registryAuth, recordsClientSecurity);
    }

    /**
     * On a secured cluster and registry: its Kafka clients get {@code security} (the records producer
     * {@code recordsSecurity}), its registry client {@code auth}.
     */
    public LiveConfig withSecurity(Map<String, String> security, Map<String, String> recordsSecurity, BasicAuth auth) {
        return new LiveConfig(bootstrapServers, registryUrl, speed, scenario, osmFile, workDir, duration, summaryFile,
                dispatcherDelay, fixInterval, statusInterval, manual, security, Optional.of(auth), recordsSecurity);
    }
}
