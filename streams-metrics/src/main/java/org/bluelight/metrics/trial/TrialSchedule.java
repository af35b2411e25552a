package org.bluelight.metrics.trial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bluelight.schemas.TrialArm;

/**
 * A daily allocation schedule: the arm of every hot spot on every trial day, and the seed it was
 * generated from ({@code null} for a schedule loaded from the trial's own list).
 *
 * <p>CSV form, one allocation a line after a header: {@code trial_day,hot_spot_id,arm,seed}
 * (ISO date, id, TREATMENT or CONTROL, seed or empty). The seed column may be left out.
 */
public final class TrialSchedule {

    static final String HEADER = "trial_day,hot_spot_id,arm,seed";

    private final List<Allocation> allocations;
    private final Long seed;
    private final Map<LocalDate, Map<String, TrialArm>> byDay;

    public TrialSchedule(List<Allocation> allocations, Long seed) {
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort(Comparator.comparing(Allocation::trialDay).thenComparing(Allocation::hotSpotId));
        this.allocations = List.copyOf(sorted);
        this.seed = seed;
        Map<LocalDate, Map<String, TrialArm>> days = new TreeMap<>();
        for (Allocation allocation : this.allocations) {
            TrialArm previous = days.computeIfAbsent(allocation.trialDay(), d -> new HashMap<>())
                    .put(allocation.hotSpotId(), allocation.arm());
            if (previous != null) {
                throw new IllegalArgumentException("hot spot " + allocation.hotSpotId()
                        + " is allocated twice on " + allocation.trialDay());
            }
        }
        this.byDay = days;
    }

    public List<Allocation> allocations() {
        return allocations;
    }

    /** The seed the schedule was generated from, empty for a loaded schedule. */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    public Optional<TrialArm> armOf(LocalDate trialDay, String hotSpotId) {
        return Optional.ofNullable(byDay.getOrDefault(trialDay, Map.of()).get(hotSpotId));
    }

    /** Hot spots per arm on each day, in day order. */
    public SortedMap<LocalDate, Map<TrialArm, Integer>> armSizesByDay() {
        SortedMap<LocalDate, Map<TrialArm, Integer>> sizes = new TreeMap<>();
        byDay.forEach((day, arms) -> {
            Map<TrialArm, Integer> perArm = new EnumMap<>(TrialArm.class);
            for (TrialArm arm : TrialArm.values()) {
                perArm.put(arm, 0);
            }
            arms.values().forEach(arm -> perArm.merge(arm, 1, Integer::sum));
            sizes.put(day, Collections.unmodifiableMap(perArm));
        });
        return Collections.unmodifiableSortedMap(sizes);
    }

    public void writeCsv(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        String seedText = seed == null ? "" : seed.toString();
        for (Allocation allocation : allocations) {
            out.write(allocation.trialDay() + "," + allocation.hotSpotId() + "," + allocation.arm() + "," + seedText);
            out.write('\n');
        }
    }

    /**
     * Reads a schedule CSV. Every malformed line, a duplicate allocation or seeds that disagree
     * raise a {@link ScheduleFormatException} naming the line.
     */
    public static TrialSchedule readCsv(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new ScheduleFormatException(1, "empty file, expected header '" + HEADER + "'");
        }
        String normalisedHeader = header.strip().toLowerCase(Locale.ROOT);
        if (!HEADER.startsWith(normalisedHeader) || normalisedHeader.split(",", -1).length < 3) {
            throw new ScheduleFormatException(1, "expected header '" + HEADER + "' (seed optional), found '" + header + "'");
        }
        List<Allocation> allocations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Long seed = null;
        boolean seedKnown = false;
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length < 3 || fields.length > 4) {
                throw new ScheduleFormatException(lineNumber, "expected 3 or 4 fields, found " + fields.length);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(fields[0].strip());
            } catch (DateTimeParseException e) {
                throw new ScheduleFormatException(lineNumber, "trial_day '" + fields[0] + "' is not an ISO date (yyyy-mm-dd)");
            }
            String hotSpotId = fields[1].strip();
            if (hotSpotId.isEmpty()) {
                throw new ScheduleFormatException(lineNumber, "hot_spot_id is empty");
            }
            TrialArm arm;
            try {
                arm = TrialArm.valueOf(fields[2].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ScheduleFormatException(lineNumber, "arm '" + fields[2] + "' is neither TREATMENT nor CONTROL");
            }
            Long lineSeed = fields.length == 4 && !fields[3].isBlank() ? parseSeed(fields[3], lineNumber) : null;
            if (!seedKnown) {
                seed = lineSeed;
                seedKnown = true;
            } else if (!java.util.Objects.equals(seed, lineSeed)) {
                throw new ScheduleFormatException(lineNumber, "seed " + lineSeed + " differs from the seed " + seed + " of earlier lines");
            }
            Integer duplicate = seen.put(day + "|" + hotSpotId, lineNumber);
            if (duplicate != null) {
                throw new ScheduleFormatException(lineNumber, "hot spot " + hotSpotId + " on " + day + " already allocated on line " + duplicate);
            }
            allocations.add(new Allocation(day, hotSpotId, arm));
        }
        if (allocations.isEmpty()) {
            throw new ScheduleFormatException(0, "no allocations");
        }
        return new TrialSchedule(allocations, seed);
    }

    private static long parseSeed(String text, int lineNumber) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new ScheduleFormatException(lineNumber, "seed '" + text + "' is not a whole number");
        }
    }
}
