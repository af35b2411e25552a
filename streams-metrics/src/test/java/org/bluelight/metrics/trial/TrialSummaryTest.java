package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialSummaryTest {

    private static final LocalDate DAY = LocalDate.parse("2024-05-01");

    private static HotSpotDay day(String hotSpot, LocalDate trialDay, TrialArm arm, int violent, double minutes) {
        HotSpotDayState state = new HotSpotDayState(hotSpot, trialDay, arm,
                Map.of(Outcome.VIOLENT_CRIME, violent, Outcome.ALL_CRIME, violent + 1), minutes, 0, Instant.EPOCH);
        return state.toAvro();
    }

    private final List<HotSpotDay> days = List.of(
            day("A", DAY, TrialArm.TREATMENT, 1, 30),
            day("B", DAY, TrialArm.TREATMENT, 0, 50),
            day("C", DAY, TrialArm.CONTROL, 2, 5),
            day("D", DAY, TrialArm.CONTROL, 2, 0),
            day("E", DAY, null, 9, 0),                       // no allocation: not in the trial
            day("A", DAY.plusDays(1), TrialArm.CONTROL, 7, 0)); // still running at asOf

    private final Instant asOf = TrialDayClock.thamesValley().startOf(DAY.plusDays(1)).plusSeconds(3600);

    @Test
    void meansPerArmAndRateRatioOverCompletedAllocatedDays() {
        TrialSummary summary = TrialSummary.of(days, TrialDayClock.thamesValley(), asOf, TrialSummary.TARGET_HOT_SPOT_DAYS);
        TrialSummary.ArmSummary treatment = summary.arms().get(0);
        TrialSummary.ArmSummary control = summary.arms().get(1);
        assertThat(treatment.hotSpotDays()).isEqualTo(2);
        assertThat(control.hotSpotDays()).isEqualTo(2);
        assertThat(treatment.targetHotSpotDays()).isEqualTo(2021);
        assertThat(treatment.meanCounts().get(Outcome.VIOLENT_CRIME)).isEqualTo(0.5);
        assertThat(control.meanCounts().get(Outcome.VIOLENT_CRIME)).isEqualTo(2.0);
        assertThat(summary.rateRatios().get(Outcome.VIOLENT_CRIME)).isCloseTo(0.25, within(1e-12));
        assertThat(summary.rateRatios()).as("control mean 0: no ratio").doesNotContainKey(Outcome.SEXUAL_ASSAULT);
        assertThat(treatment.meanPatrolMinutes()).isEqualTo(40.0);
        assertThat(control.meanPatrolMinutes()).isEqualTo(2.5);
    }

    @Test
    void reportWritesCsvRowsAndAChartImage(@TempDir Path dir) throws Exception {
        TrialSummary summary = TrialSummary.of(days, TrialDayClock.thamesValley(), asOf, TrialSummary.TARGET_HOT_SPOT_DAYS);
        StringWriter csv = new StringWriter();
        TrialReport.writeCsv(summary, csv);
        assertThat(csv.toString()).contains("violent_crime,0.500000,2.000000,0.250000\n").contains("hot_spot_days,2,2,\n");
        Path png = dir.resolve("trial.png");
        TrialReport.writeChart(summary, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
    }
}
