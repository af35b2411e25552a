package org.bluelight.dispatch.rules;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.bluelight.dispatch.geo.MapBounds;

/**
 * Every parameter of the recommendation and backlog rules, in one place. {@link #defaults()}
 * documents the defaults; each rule names its parameter.
 *
 * @param targets attendance target per grade, from the call being answered. Only grades listed
 *     here are accepted; any other grade is bad input. Default: 1 → 15 min, 2 → 60 min (the
 *     national targets), 3 → 24 h and 4 → 7 days (scheduled work windows).
 * @param highestRecommendedGrade grades up to this one get a recommendation now; higher grades are
 *     queued as scheduled work. Default 2.
 * @param staleAfter a position older than this is flagged stale and penalised. Default 2 min.
 * @param nearestCount how many officers, nearest by straight line, are routed by road. Default 8
 *     (the Leicestershire paper used 4 and asked for testing).
 * @param maxCandidates how many candidates a recommendation lists. Default 5.
 * @param crewPreference score bonus for the preferred crew size: double crews on grade 1,
 *     single crews on grade 2 and below. A crew this much slower still ranks first. Default 60 s.
 * @param homeAreaPreference score bonus for a unit whose home area is the incident's. Default 60 s.
 * @param shiftEndPenalty score penalty for a unit whose shift ends before it would finish the job
 *     (arrival plus expected time on scene). Default 15 min.
 * @param defaultServiceTime time on scene assumed when CAD gives none (West Midlands average
 *     75 min). Default 75 min.
 * @param stalePenalty score penalty for a unit whose position is stale. Default 2 min.
 * @param diversionPenalty score penalty for diverting a unit from the incident it is travelling
 *     to, so a free unit that is as quick is preferred. Default 60 s.
 * @param coverageCostPerDemandPerHour grade 2 only: score penalty per expected incident per hour
 *     left with no officer in reach if the unit moves. Default 30 min.
 * @param mapBounds positions outside these bounds are bad input. Default the whole world.
 */
public record DispatchRules(
        Map<Integer, Duration> targets,
        int highestRecommendedGrade,
        Duration staleAfter,
        int nearestCount,
        int maxCandidates,
        Duration crewPreference,
        Duration homeAreaPreference,
        Duration shiftEndPenalty,
        Duration defaultServiceTime,
        Duration stalePenalty,
        Duration diversionPenalty,
        Duration coverageCostPerDemandPerHour,
        MapBounds mapBounds) {

    public DispatchRules {
        targets = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(targets, "targets")));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one grade needs a target");
        }
        if (nearestCount < 1 || maxCandidates < 1) {
            throw new IllegalArgumentException("nearestCount and maxCandidates must be at least 1");
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(crewPreference, "crewPreference");
        Objects.requireNonNull(homeAreaPreference, "homeAreaPreference");
        Objects.requireNonNull(shiftEndPenalty, "shiftEndPenalty");
        Objects.requireNonNull(defaultServiceTime, "defaultServiceTime");
        Objects.requireNonNull(stalePenalty, "stalePenalty");
        Objects.requireNonNull(diversionPenalty, "diversionPenalty");
        Objects.requireNonNull(coverageCostPerDemandPerHour, "coverageCostPerDemandPerHour");
        Objects.requireNonNull(mapBounds, "mapBounds");
    }

    public static DispatchRules defaults() {
        return new DispatchRules(
                Map.of(1, Duration.ofMinutes(15), 2, Duration.ofMinutes(60), 3, Duration.ofHours(24), 4, Duration.ofDays(7)),
                2,
                Duration.ofMinutes(2),
                8,
                5,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofMinutes(15),
                Duration.ofMinutes(75),
                Duration.ofMinutes(2),
                Duration.ofSeconds(60),
                Duration.ofMinutes(30),
                MapBounds.WORLD);
    }

    public boolean knowsGrade(int grade) {
        return targets.containsKey(grade);
    }

    public boolean recommendsNow(int grade) {
        return knowsGrade(grade) && grade <= highestRecommendedGrade;
    }

    /** The attendance target of a known grade. */
    public Duration target(int grade) {
        Duration target = targets.get(grade);
        if (target == null) {
            throw new IllegalArgumentException("no target for grade " + grade);
        }
        return target;
    }

    public DispatchRules withStaleAfter(Duration value) {
        return new DispatchRules(targets, highestRecommendedGrade, value, nearestCount, maxCandidates, crewPreference,
                homeAreaPreference, shiftEndPenalty, defaultServiceTime, stalePenalty, diversionPenalty,
                coverageCostPerDemandPerHour, mapBounds);
    }

    public DispatchRules withNearestCount(int value) {
        return new DispatchRules(targets, highestRecommendedGrade, staleAfter, value, maxCandidates, crewPreference,
                homeAreaPreference, shiftEndPenalty, defaultServiceTime, stalePenalty, diversionPenalty,
                coverageCostPerDemandPerHour, mapBounds);
    }

    public DispatchRules withMapBounds(MapBounds value) {
        return new DispatchRules(targets, highestRecommendedGrade, staleAfter, nearestCount, maxCandidates,
                crewPreference, homeAreaPreference, shiftEndPenalty, defaultServiceTime, stalePenalty,
                diversionPenalty, coverageCostPerDemandPerHour, value);
    }
}
