package org.bluelight.metrics.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bluelight.metrics.trial.TrialDayClock;
import org.junit.jupiter.api.Test;

class DosageTrackerTest {

    private final DosageTracker tracker = new DosageTracker(TrialDayClock.thamesValley(), DosageTracker.Settings.defaults());

    /** Feeds fixes every {@code step} from {@code start}; zone per fix from {@code inside}. */
    private List<Dosage> run(Instant start, Duration step, boolean... inside) {
        TrackState state = null;
        List<Dosage> dosage = new ArrayList<>();
        for (int i = 0; i < inside.length; i++) {
            DosageTracker.Step s = tracker.advance(state, start.plus(step.multipliedBy(i)), inside[i] ? Set.of("Z") : Set.of());
            state = s.state();
            dosage.addAll(s.dosage());
        }
        return dosage;
    }

    private static boolean[] presence(int outsideBefore, int insideFixes, int outsideAfter) {
        boolean[] fixes = new boolean[outsideBefore + insideFixes + outsideAfter];
        for (int i = outsideBefore; i < outsideBefore + insideFixes; i++) {
            fixes[i] = true;
        }
        return fixes;
    }

    private static double minutes(List<Dosage> dosage) {
        return dosage.stream().mapToDouble(Dosage::minutes).sum();
    }

    private static int visits(List<Dosage> dosage) {
        return dosage.stream().mapToInt(Dosage::visits).sum();
    }

    @Test
    void twelveMinuteStayIsOneVisitOfTwelveMinutes() {
        // fixes every 30 s: inside from the 3rd fix for 25 fixes = 12 minutes between first and last inside fix
        List<Dosage> dosage = run(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofSeconds(30), presence(2, 25, 4));
        assertThat(minutes(dosage)).isEqualTo(12.0);
        assertThat(visits(dosage)).isEqualTo(1);
        assertThat(dosage).allMatch(d -> d.trialDay().equals(LocalDate.parse("2024-05-01")));
    }

    @Test
    void nineMinuteStayAddsMinutesButNoVisit() {
        List<Dosage> dosage = run(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofSeconds(30), presence(1, 19, 1));
        assertThat(minutes(dosage)).isEqualTo(9.0);
        assertThat(visits(dosage)).isZero();
    }

    @Test
    void twoStaysAreTwoVisits() {
        boolean[] first = presence(1, 25, 2);
        boolean[] second = presence(0, 25, 1);
        boolean[] both = new boolean[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        assertThat(visits(run(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofSeconds(30), both))).isEqualTo(2);
    }

    @Test
    void aGapLongerThanTheMaximumBreaksTheStay() {
        // 6 minutes between fixes: neither counted nor a visit
        List<Dosage> dosage = run(Instant.parse("2024-05-01T10:00:00Z"), Duration.ofMinutes(6), true, true, true);
        assertThat(minutes(dosage)).isZero();
        assertThat(visits(dosage)).isZero();
    }

    @Test
    void stayAcrossSixOClockIsSplitBetweenTrialDays() {
        // 05:50 to 06:10 BST, fixes every minute
        Instant start = Instant.parse("2024-05-01T04:50:00Z");
        List<Dosage> dosage = run(start, Duration.ofMinutes(1), presence(0, 21, 0));
        double before = dosage.stream().filter(d -> d.trialDay().equals(LocalDate.parse("2024-04-30"))).mapToDouble(Dosage::minutes).sum();
        double after = dosage.stream().filter(d -> d.trialDay().equals(LocalDate.parse("2024-05-01"))).mapToDouble(Dosage::minutes).sum();
        assertThat(before).isEqualTo(10.0);
        assertThat(after).isEqualTo(10.0);
        // the visit reached 10 minutes at 06:00, the start of the new trial day
        assertThat(dosage).filteredOn(d -> d.visits() == 1).singleElement()
                .extracting(Dosage::trialDay).isEqualTo(LocalDate.parse("2024-05-01"));
    }

    @Test
    void outOfOrderFixIsFlaggedAndChangesNothing() {
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        TrackState state = tracker.advance(null, t, Set.of("Z")).state();
        DosageTracker.Step late = tracker.advance(state, t.minusSeconds(5), Set.of("Z"));
        assertThat(late.outOfOrder()).isTrue();
        assertThat(late.state()).isEqualTo(state);
        assertThat(late.dosage()).isEmpty();
    }
}
