package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bluelight.runtime.config.StreamsAppConfig;
import org.junit.jupiter.api.Test;

class LocalServicesTest {

    private static DemoSettings demo(double speed, boolean simulate) {
        return new DemoSettings(Path.of("andorra.osm.pbf"), "andorra", speed, null, simulate, false, DemoSettings.DEFAULT_HTTP_PORT_BASE);
    }

    @Test
    void aSpedUpSimulatedForceGivesTheAppsALeadOfSixHoursTimesItsSpeed() {
        assertThat(LocalServices.simulatedClockDefaults(demo(30, true)))
                .containsEntry(StreamsAppConfig.TIMESTAMPS_MAX_AHEAD_MS, String.valueOf(30 * 6 * 3_600_000L));
    }

    @Test
    void realTimeOrNoSimulatorKeepsTheAppsOwnLead() {
        assertThat(LocalServices.simulatedClockDefaults(demo(1, true))).doesNotContainKey(StreamsAppConfig.TIMESTAMPS_MAX_AHEAD_MS);
        assertThat(LocalServices.simulatedClockDefaults(demo(30, false))).doesNotContainKey(StreamsAppConfig.TIMESTAMPS_MAX_AHEAD_MS);
    }
}
