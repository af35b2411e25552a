package org.bluelight.metrics.trial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.bluelight.schemas.TrialArm;

/**
 * Simple daily randomisation, as in the trial: each day exactly half the hot spots are drawn for
 * treatment, the rest are control. Patrol areas are not allocated separately: they share their
 * hot spot's arm by construction.
 *
 * <p>Reproducible from the seed: hot spot ids are sorted before drawing, and the draw is a
 * Fisher-Yates shuffle on {@link Random}, whose sequence for a seed is fixed by its specification.
 */
public final class ScheduleGenerator {

    private ScheduleGenerator() {
    }

    public static TrialSchedule generate(List<String> hotSpotIds, LocalDate firstDay, int days, long seed) {
        TreeSet<String> distinct = new TreeSet<>(hotSpotIds);
        if (distinct.size() != hotSpotIds.size()) {
            throw new IllegalArgumentException("hot spot ids must be distinct");
        }
        if (distinct.isEmpty() || distinct.size() % 2 != 0) {
            throw new IllegalArgumentException("need an even, non-zero number of hot spots to put exactly half in treatment, got "
                    + distinct.size());
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, got " + days);
        }
        Random random = new Random(seed);
        List<String> order = new ArrayList<>(distinct);
        int treatmentPerDay = order.size() / 2;
        List<Allocation> allocations = new ArrayList<>(order.size() * days);
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            shuffle(order, random);
            for (int i = 0; i < order.size(); i++) {
                allocations.add(new Allocation(day, order.get(i), i < treatmentPerDay ? TrialArm.TREATMENT : TrialArm.CONTROL));
            }
        }
        return new TrialSchedule(allocations, seed);
    }

    private static void shuffle(List<String> items, Random random) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }
}
