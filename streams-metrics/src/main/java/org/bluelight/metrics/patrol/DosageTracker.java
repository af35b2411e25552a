package org.bluelight.metrics.patrol;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.metrics.trial.TrialDayClock;

/**
 * Turns an officer's position fixes into patrol dosage: minutes spent inside each zone per trial
 * day, and visits (an unbroken presence of at least {@code minimumVisit}).
 *
 * <p>Time between two consecutive fixes counts for a zone only when both fixes are inside it, so
 * dosage is never overstated by a fix that merely brushes an edge; time split by a trial-day
 * boundary goes to both days. A gap longer than {@code maximumGap} (no signal, off duty) breaks
 * the track: the gap counts nowhere and any presence starts again. A visit counts once, on the
 * trial day in which it reaches the minimum length.
 */
public final class DosageTracker {

    /** Tracker settings; the defaults follow the trial (visits of at least 10 minutes). */
    public record Settings(Duration maximumGap, Duration minimumVisit) {

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofMinutes(10));
        }

        public Settings {
            if (maximumGap.isNegative() || maximumGap.isZero() || minimumVisit.isNegative() || minimumVisit.isZero()) {
                throw new IllegalArgumentException("maximumGap and minimumVisit must be positive");
            }
        }
    }

    /** The result of one fix: the officer's next state and the dosage it adds. */
    public record Step(TrackState state, List<Dosage> dosage, boolean outOfOrder) {
    }

    private final TrialDayClock clock;
    private final Settings settings;

    public DosageTracker(TrialDayClock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Advances an officer's track by one fix.
     *
     * @param state the officer's state, null for the first fix
     * @param zonesAtFix the zones containing the fix
     * @return the next state; a fix not later than the last one changes nothing and is flagged out of order
     */
    public Step advance(TrackState state, Instant fixAt, Set<String> zonesAtFix) {
        if (state == null || Duration.between(state.lastFixAt(), fixAt).compareTo(settings.maximumGap()) > 0) {
            return new Step(startRuns(fixAt, zonesAtFix), List.of(), false);
        }
        if (!fixAt.isAfter(state.lastFixAt())) {
            return new Step(state, List.of(), true);
        }
        List<Dosage> dosage = new ArrayList<>();
        Map<String, Instant> runStarts = new HashMap<>();
        Set<String> counted = new HashSet<>();
        for (String zone : zonesAtFix) {
            Instant runStart = state.runStarts().get(zone);
            if (runStart == null) {
                runStarts.put(zone, fixAt);
                continue;
            }
            runStarts.put(zone, runStart);
            addMinutes(dosage, zone, state.lastFixAt(), fixAt);
            if (state.visitsCounted().contains(zone)) {
                counted.add(zone);
            } else if (Duration.between(runStart, fixAt).compareTo(settings.minimumVisit()) >= 0) {
                counted.add(zone);
                dosage.add(new Dosage(zone, clock.trialDayOf(runStart.plus(settings.minimumVisit())), 0.0, 1));
            }
        }
        return new Step(new TrackState(fixAt, runStarts, counted), dosage, false);
    }

    private static TrackState startRuns(Instant fixAt, Set<String> zones) {
        Map<String, Instant> runStarts = new HashMap<>();
        zones.forEach(zone -> runStarts.put(zone, fixAt));
        return new TrackState(fixAt, runStarts, Set.of());
    }

    private void addMinutes(List<Dosage> dosage, String zone, Instant from, Instant to) {
        Instant start = from;
        while (start.isBefore(to)) {
            LocalDate day = clock.trialDayOf(start);
            Instant dayEnd = clock.endOf(day);
            Instant end = dayEnd.isBefore(to) ? dayEnd : to;
            dosage.add(new Dosage(zone, day, Duration.between(start, end).toMillis() / 60_000.0, 0));
            start = end;
        }
    }
}
