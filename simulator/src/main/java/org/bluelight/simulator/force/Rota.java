package org.bluelight.simulator.force;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ShiftPattern;

/**
 * The crew shifts of a force over a period, from each unit's daily shift pattern in local time. Each shift of each
 * vehicle is crewed with the fleet's {@code crewedShare} chance (officers on leave, sick, training or in court), the
 * draw fixed by seed, vehicle and shift start, so every window and every policy sees the same crews. Each crew
 * falls due for its break at its own moment in the shift's break window, drawn the same way.
 */
public final class Rota {

    private static final long SALT = 0xC4E3_D0F1L;
    private static final long BREAK_SALT = 0x5B7E_A4C9L;

    private Rota() {
    }

    /** Every shift of every unit that overlaps {@code [from, to)}, in start order. */
    public static List<CrewShift> shifts(Scenario scenario, Force force, Instant from, Instant to) {
        List<CrewShift> shifts = new ArrayList<>();
        LocalDate first = from.atZone(scenario.timeZone()).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(scenario.timeZone()).toLocalDate();
        for (Unit unit : force.units()) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                for (ShiftPattern.Shift shift : unit.shiftPattern().shifts()) {
                    ZonedDateTime start = day.atTime(shift.start()).atZone(scenario.timeZone());
                    Duration length = Duration.ofMillis(Math.round(shift.hours() * 3_600_000));
                    Instant begin = start.toInstant();
                    Instant end = begin.plus(length);
                    if (end.isAfter(from) && begin.isBefore(to) && crewed(scenario, unit, begin)) {
                        Instant breakDue = begin.plusMillis(Math.round(length.toMillis() * breakShare(scenario, unit, begin)));
                        shifts.add(new CrewShift(unit, begin, end, breakDue));
                    }
                }
            }
        }
        shifts.sort(Comparator.comparing(CrewShift::start).thenComparing(s -> s.unit().id()));
        return shifts;
    }

    private static boolean crewed(Scenario scenario, Unit unit, Instant start) {
        double share = scenario.fleet().crewedShare();
        if (share >= 1) {
            return true;
        }
        return draw(scenario.seed() ^ SALT, unit, start).nextDouble() < share;
    }

    /** When this crew's break falls due, as a share of its shift: uniform over the break window. */
    private static double breakShare(Scenario scenario, Unit unit, Instant start) {
        double spread = scenario.shifts().breakSpreadShareOfShift();
        double centre = scenario.shifts().breakAtShareOfShift();
        if (spread == 0) {
            return centre;
        }
        return centre + spread * (draw(scenario.seed() ^ BREAK_SALT, unit, start).nextDouble() - 0.5);
    }

    private static SplittableRandom draw(long salted, Unit unit, Instant start) {
        return new SplittableRandom(salted * 1_000_003L + unit.id().hashCode() * 7_919L + start.getEpochSecond());
    }
}
