package org.bluelight.metrics.patrol;

import java.time.LocalDate;

/** Patrol time and visits to add to one zone (a hot spot or patrol area) on one trial day. */
public record Dosage(String zoneId, LocalDate trialDay, double minutes, int visits) {
}
