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
 * draw fixed by seed, vehicle and shift start, so every window and every policy sees the same crews.
 */
public final class Rota {

    private static final long SALT = 0xC4E3_D0F1L;

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
                        Instant breakDue = begin.plusMillis(Math.round(length.toMillis() * scenario.shifts().breakAtShareOfShift()));
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
        long key = (scenario.seed() ^ SALT) * 1_000_003L + unit.id().hashCode() * 7_919L + start.getEpochSecond();
        return new SplittableRandom(key).nextDouble() < share;
    }
}
