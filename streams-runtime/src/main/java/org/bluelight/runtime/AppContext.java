package org.bluelight.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.bluelight.runtime.serde.AppSerdes;

/**
 * What a topology is built with.
 *
 * @param config        the app's configuration
 * @param serdes        serdes per contract, backed by the app's registry client
 * @param meterRegistry where the app registers its own meters (exported on {@code /metrics})
 */
public record AppContext(StreamsAppConfig config, AppSerdes serdes, MeterRegistry meterRegistry) {
}
