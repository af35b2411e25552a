package org.bluelight.ops.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's load as benchmarks print it beside their figures: on a shared machine the two go together. */
public final class MachineLoad {

    private MachineLoad() {
    }

    /** e.g. {@code load average 3.52 on 2 cores}. */
    public static String describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "load average %.2f on %d cores", os.getSystemLoadAverage(), os.getAvailableProcessors());
    }
}
