package org.bluelight.dispatch.app;

import java.time.Duration;
import java.time.ZoneId;
import org.bluelight.dispatch.moveup.MoveUpSettings;
import org.bluelight.dispatch.patrol.PatrolSettings;
import org.bluelight.runtime.config.ConfigSource;

/**
 * How the dispatch app tasks idle officers:
 *
 * <pre>
 * tasking.interval.ms            30000  how often move-ups and patrol tasks are re-planned (wall clock)
 * tasking.patrol.visit.ms        900000 length of a patrol visit
 * tasking.patrol.visits          8      visits per treatment hot spot per trial day
 * tasking.patrol.seed            0      seed of the daily order of visits; set it, and keep it from officers
 * tasking.trial.time.zone        Europe/London
 * tasking.max.officers           25000  officers the tasking desk holds, force-wide ({@link TaskingLimits})
 * tasking.max.hot.spots          2000   hot spots it holds
 * tasking.max.trial.arms         100000 hot-spot days with a trial arm it holds (today's and later ones)
 * </pre>
 */
public record TaskingSettings(MoveUpSettings moveUps, PatrolSettings patrol, Duration interval, ZoneId zone,
                              long patrolSeed, TaskingLimits limits) {

    public TaskingSettings(MoveUpSettings moveUps, PatrolSettings patrol, Duration interval, ZoneId zone, long patrolSeed) {
        this(moveUps, patrol, interval, zone, patrolSeed, TaskingLimits.defaults());
    }

    public static TaskingSettings defaults() {
        return new TaskingSettings(MoveUpSettings.defaults(), PatrolSettings.defaults(), Duration.ofSeconds(30),
                ZoneId.of("Europe/London"), 0);
    }

    public static TaskingSettings from(ConfigSource source) {
        TaskingSettings d = defaults();
        PatrolSettings p = d.patrol();
        PatrolSettings patrol = new PatrolSettings(source.millis("tasking.patrol.visit.ms", p.visit()),
                source.integer("tasking.patrol.visits", p.visitsPerHotSpot()), p.detectability(), p.maxTravel(),
                p.moveKmh(), p.minGap(), p.keepAvailable(), p.shiftEndMargin());
        return new TaskingSettings(d.moveUps(), patrol, source.millis("tasking.interval.ms", d.interval()),
                ZoneId.of(source.string("tasking.trial.time.zone", d.zone().getId())),
                Long.parseLong(source.string("tasking.patrol.seed", "0")),
                new TaskingLimits(source.integer("tasking.max.officers", d.limits().maxOfficers()),
                        source.integer("tasking.max.hot.spots", d.limits().maxHotSpots()),
                        source.integer("tasking.max.trial.arms", d.limits().maxTrialArms())));
    }

    public TaskingSettings withLimits(TaskingLimits value) {
        return new TaskingSettings(moveUps, patrol, interval, zone, patrolSeed, value);
    }

    public TaskingSettings withInterval(Duration value) {
        return new TaskingSettings(moveUps, patrol, value, zone, patrolSeed, limits);
    }
}
