package org.bluelight.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.HotSpotDay;
import org.bluelight.schemas.OutcomeCounts;
import org.bluelight.schemas.TrialArm;
import org.junit.jupiter.api.Test;

class AnalystViewTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    final AnalystView view = new AnalystView();

    static HotSpotDay day(String hotSpot, LocalDate day, TrialArm arm, int violent, double patrol) {
        return HotSpotDay.newBuilder().setHotSpotId(hotSpot).setTrialDay(day).setArm(arm)
                .setCounts(OutcomeCounts.newBuilder().setViolentCrime(violent).setAllCrime(violent + 1).build())
                .setPatrolMinutes(patrol).setUpdatedAt(Instant.EPOCH).build();
    }

    @Test
    void trialDaysAreSummedPerDayAndArmWithTheLatestCountsOfEachHotSpotDayAndUnallocatedDaysLeftOut() {
        view.trialDay(day("HS-1", DAY, TrialArm.TREATMENT, 1, 30));
        view.trialDay(day("HS-2", DAY, TrialArm.TREATMENT, 2, 20));
        view.trialDay(day("HS-3", DAY, TrialArm.CONTROL, 5, 0));
        view.trialDay(day("HS-3", DAY, TrialArm.CONTROL, 6, 0));
        view.trialDay(day("HS-4", DAY, null, 9, 0));
        view.trialDay(day("HS-1", DAY.plusDays(1), TrialArm.CONTROL, 0, 0));

        assertThat(view.trialByDay()).containsExactly(
                new AnalystView.ArmDay("2026-11-30", "CONTROL", 1, 6, 0, 7, 0),
                new AnalystView.ArmDay("2026-11-30", "TREATMENT", 2, 3, 0, 5, 50),
                new AnalystView.ArmDay("2026-12-01", "CONTROL", 1, 0, 0, 1, 0));
    }

    @Test
    void eachMetricListsItsRankedPeopleInRankOrderAndATombstoneRemovesAPerson() {
        view.tally("P-1", FsuTally.newBuilder().setPersonId("P-1").setAsOf(Instant.EPOCH).setRank1(2).setRank4(1).build());
        view.tally("P-2", FsuTally.newBuilder().setPersonId("P-2").setAsOf(Instant.EPOCH).setRank1(1).build());
        view.tally("P-3", FsuTally.newBuilder().setPersonId("P-3").setAsOf(Instant.EPOCH).build());

        assertThat(view.fsuTop().get(1)).extracting(FsuTally::getPersonId).containsExactly("P-2", "P-1");
        assertThat(view.fsuTop().get(2)).isEmpty();
        assertThat(view.fsuTop().get(4)).extracting(FsuTally::getPersonId).containsExactly("P-1");
        view.tally("P-1", null);
        assertThat(view.fsuTop().get(1)).extracting(FsuTally::getPersonId).containsExactly("P-2");
    }
}
