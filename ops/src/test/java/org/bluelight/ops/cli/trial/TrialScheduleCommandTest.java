package org.bluelight.ops.cli.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bluelight.metrics.trial.TrialSchedule;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrialScheduleCommandTest {

    /** 34 hot spots, hot spot 1 with two patrol areas (67 areas in the trial; fewer here), plus an excluded prison. */
    static String hotSpotsGeoJson() {
        String features = IntStream.rangeClosed(1, 34).mapToObj(i -> feature("HS" + i, "HS" + i + "-P1", i, false))
                .collect(Collectors.joining(","));
        return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "," + feature("HS1", "HS1-P2", 40, false)
                + "," + feature("PRISON", "PRISON-P1", 50, true) + "]}";
    }

    static String feature(String hotSpot, String area, int offset, boolean excluded) {
        double lon = -1.3 + offset * 0.01;
        return "{\"type\":\"Feature\",\"properties\":{\"hotSpotId\":\"" + hotSpot + "\",\"patrolAreaId\":\"" + area
                + "\",\"excluded\":" + excluded + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + ",51.75],["
                + (lon + 0.005) + ",51.75],[" + (lon + 0.005) + ",51.755],[" + lon + ",51.75]]]}}";
    }

    @Test
    void writesAReproducibleHalfAndHalfSchedule(@TempDir Path dir) throws Exception {
        Path hotSpots = Files.writeString(dir.resolve("hotspots.geojson"), hotSpotsGeoJson());
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        String[] args = {"schedule", "--hotspots", hotSpots.toString(), "--from", "2023-04-01", "--days", "30", "--seed", "2023"};
        assertThat(new CommandLine(new TrialCommand()).execute(concat(args, "--out", first.toString()))).isZero();
        assertThat(new CommandLine(new TrialCommand()).execute(concat(args, "--out", second.toString()))).isZero();
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        TrialSchedule schedule;
        try (BufferedReader reader = Files.newBufferedReader(first)) {
            schedule = TrialSchedule.readCsv(reader);
        }
        assertThat(schedule.seed()).contains(2023L);
        assertThat(schedule.armSizesByDay()).hasSize(30).allSatisfy((day, sizes) ->
                assertThat(sizes).isEqualTo(Map.of(TrialArm.TREATMENT, 17, TrialArm.CONTROL, 17)));
        assertThat(schedule.allocations()).noneMatch(a -> a.hotSpotId().equals("PRISON"));
    }

    private static String[] concat(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
