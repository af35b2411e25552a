package org.bluelight.ops.cli.trial;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.bluelight.metrics.patrol.HotSpotFile;
import org.bluelight.metrics.trial.ScheduleGenerator;
import org.bluelight.metrics.trial.TrialSchedule;
import org.bluelight.schemas.HotSpot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trial schedule}: generates a daily allocation schedule (half the hot spots in treatment each day). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Generate a schedule: each trial day exactly half the (non-excluded) hot spots in treatment, reproducible from the seed.")
public final class TrialScheduleCommand implements Callable<Integer> {

    @Option(names = "--hotspots", required = true, description = "GeoJSON FeatureCollection of patrol areas (properties hotSpotId, patrolAreaId).")
    Path hotSpots;

    @Option(names = "--from", required = true, description = "First trial day (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--days", required = true, description = "Number of trial days.")
    int days;

    @Option(names = "--seed", description = "Random seed; a fresh one is drawn and printed when left out.")
    Long seed;

    @Option(names = "--trial-id", defaultValue = "hot-spots", description = "Trial id (default: ${DEFAULT-VALUE}).")
    String trialId;

    @Option(names = "--out", required = true, description = "CSV file to write (trial_day,hot_spot_id,arm,seed).")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<HotSpot> all = HotSpotFile.read(hotSpots, trialId);
        List<String> ids = all.stream().filter(h -> !h.getExcluded()).map(HotSpot::getHotSpotId).toList();
        long usedSeed = seed != null ? seed : new SecureRandom().nextLong();
        TrialSchedule schedule = ScheduleGenerator.generate(ids, from, days, usedSeed);
        try (BufferedWriter writer = Files.newBufferedWriter(out)) {
            schedule.writeCsv(writer);
        }
        System.out.printf("Wrote %d allocations (%d hot spots x %d days, %d in treatment each day) to %s; seed %d%n",
                schedule.allocations().size(), ids.size(), days, ids.size() / 2, out, usedSeed);
        return 0;
    }
}
