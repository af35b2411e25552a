package org.bluelight.dispatch.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bluelight.routing.GeoPoint;

/**
 * An incident as dispatch needs it: where, how urgent, and what it needs.
 *
 * @param location where officers must attend; null while CAD has none
 * @param expectedServiceMinutes expected time on scene when CAD estimates it, else null
 */
public record Incident(
        String id,
        int grade,
        Instant reportedAt,
        GeoPoint location,
        String neighbourhoodArea,
        String dispatchGroup,
        int officersRequired,
        boolean doubleCrewRequired,
        Integer expectedServiceMinutes) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(dispatchGroup, "dispatchGroup");
        if (officersRequired < 1) {
            throw new IllegalArgumentException("an incident needs at least one officer, was " + officersRequired);
        }
    }

    /** Officers (not units) the incident needs: a double-crew requirement means at least two. */
    public int officersNeeded() {
        return doubleCrewRequired ? Math.max(2, officersRequired) : officersRequired;
    }

    public Duration expectedServiceTime(Duration fallback) {
        return expectedServiceMinutes == null ? fallback : Duration.ofMinutes(expectedServiceMinutes);
    }

    public Incident withGrade(int newGrade) {
        return new Incident(id, newGrade, reportedAt, location, neighbourhoodArea, dispatchGroup, officersRequired,
                doubleCrewRequired, expectedServiceMinutes);
    }
}
