package org.bluelight.simulator.force;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.bluelight.simulator.force.CrewDuty.WhenFree;
import org.junit.jupiter.api.Test;

class CrewDutyTest {

    private static final Instant T0 = Instant.parse("2026-01-05T07:00:00Z");
    // The duty decisions never look at the unit, so the shifts need none.
    private static final CrewShift DAY = new CrewShift(null, T0, T0.plusSeconds(10 * 3600), T0.plusSeconds(5 * 3600));
    private static final CrewShift NIGHT = new CrewShift(null, DAY.end(), DAY.end().plusSeconds(10 * 3600),
            DAY.end().plusSeconds(5 * 3600));

    @Test
    void aBusyCrewTakesItsBreakOnceFreeAndOnlyOnce() {
        CrewDuty duty = new CrewDuty();
        duty.start(DAY, false);
        assertThat(duty.breakStartsNow(DAY, false)).isFalse();
        assertThat(duty.whenFree()).isEqualTo(WhenFree.BREAK);
        duty.takeBreak();
        assertThat(duty.whenFree()).isEqualTo(WhenFree.AVAILABLE);
        assertThat(duty.breakStartsNow(DAY, true)).isFalse();
    }

    @Test
    void anAvailableCrewBreaksAtOnceButNotForAnotherShiftOrWhenAlreadyTaken() {
        CrewDuty duty = new CrewDuty();
        duty.start(DAY, false);
        assertThat(duty.breakStartsNow(NIGHT, true)).isFalse();
        assertThat(duty.breakStartsNow(DAY, true)).isTrue();
        duty.start(DAY, true);
        assertThat(duty.breakStartsNow(DAY, true)).isFalse();
        assertThat(duty.whenFree()).isEqualTo(WhenFree.AVAILABLE);
    }

    @Test
    void aCrewThatCannotLeaveAtShiftEndGoesOffDutyOnceFreeBeforeAnyBreak() {
        CrewDuty duty = new CrewDuty();
        duty.start(DAY, false);
        duty.breakStartsNow(DAY, false);
        assertThat(duty.shiftEnds(NIGHT, true)).isFalse();
        assertThat(duty.shiftEnds(DAY, false)).isFalse();
        assertThat(duty.whenFree()).isEqualTo(WhenFree.OFF_DUTY);
        assertThat(duty.end(DAY.end())).isNull();
        assertThat(duty.shift()).isNull();
    }

    @Test
    void theNextCrewWaitsForTheCrewOnDutyAndIsDroppedIfItsShiftIsOver() {
        CrewDuty duty = new CrewDuty();
        assertThat(duty.shiftStarts(DAY, true)).isTrue();
        duty.start(DAY, false);
        assertThat(duty.shiftStarts(NIGHT, false)).isFalse();
        assertThat(duty.shiftEnds(DAY, true)).isTrue();
        assertThat(duty.end(DAY.end())).isSameAs(NIGHT);

        duty.start(DAY, false);
        duty.shiftStarts(NIGHT, false);
        assertThat(duty.end(NIGHT.end())).isNull();
        assertThat(duty.end(DAY.end())).as("the dropped shift does not come back").isNull();
    }
}
