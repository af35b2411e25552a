package org.bluelight.dispatch.candidate;

import java.time.Instant;
import org.bluelight.dispatch.availability.Officer;

/**
 * A unit that passed the pre-filter for one incident, before road routing.
 *
 * @param availableFrom when the unit becomes free, null when it is free now
 * @param divertedFromIncidentId the lower-grade incident the unit would leave, for a diversion
 * @param divertedFromGrade the grade of that incident, null when not a diversion
 */
public record Prospect(
        Officer officer,
        double straightLineMeters,
        Instant availableFrom,
        String divertedFromIncidentId,
        Integer divertedFromGrade) {

    public boolean isDiversion() {
        return divertedFromIncidentId != null;
    }
}
