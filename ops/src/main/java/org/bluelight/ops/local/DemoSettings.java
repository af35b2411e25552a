package org.bluelight.ops.local;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code bluelight local} runs on top of the broker and registry: the streams apps on a road
 * map and, unless switched off, the simulated force playing into them.
 *
 * @param osmFile     the road map every app and the simulator route on
 * @param scenario    the simulator's scenario: a preset name ({@code andorra}) or a YAML file
 * @param speed       simulated seconds per wall-clock second
 * @param summaryFile where the simulator writes its JSON summary at exit; null for none
 * @param simulate    false to run only the apps, fed by a real CAD
 * @param manual      true when a person assigns at the console: the simulated dispatcher stays away and the simulated
 *                    force follows the assignments on cad.assignments
 * @param httpPortBase the first app's HTTP port; the others follow it (dispatch, coverage, metrics, console)
 */
public record DemoSettings(Path osmFile, String scenario, double speed, Path summaryFile, boolean simulate, boolean manual,
                           int httpPortBase) {

    public static final int DEFAULT_HTTP_PORT_BASE = 8090;

    public DemoSettings {
        Objects.requireNonNull(osmFile, "osmFile");
        Objects.requireNonNull(scenario, "scenario");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, was " + speed);
        }
        if (manual && !simulate) {
            throw new IllegalArgumentException("--manual hands the simulated force's assigning to the console: it needs the simulator");
        }
        if (httpPortBase < 1 || httpPortBase > 65532) {
            throw new IllegalArgumentException("httpPortBase must be in 1..65532, was " + httpPortBase);
        }
    }
}
