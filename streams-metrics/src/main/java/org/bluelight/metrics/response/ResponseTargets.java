package org.bluelight.metrics.response;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Attendance target per grade. Defaults: grade 1 within 15 minutes, grade 2 within 60. Grades
 * 3 and 4 are resolved by phone or appointment and get no KPI unless a target is configured.
 */
public record ResponseTargets(Map<Integer, Duration> byGrade) {

    public ResponseTargets {
        byGrade = Map.copyOf(new TreeMap<>(byGrade));
    }

    public static ResponseTargets defaults() {
        return new ResponseTargets(Map.of(1, Duration.ofMinutes(15), 2, Duration.ofMinutes(60)));
    }

    public Optional<Duration> targetFor(int grade) {
        return Optional.ofNullable(byGrade.get(grade));
    }
}
