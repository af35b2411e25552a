package org.bluelight.simulator.demand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * A call for service as the scenario generates it, with what happens at the scene decided up front so every
 * dispatch policy faces the same incidents (common random numbers).
 *
 * @param hotSpot the hot spot it fell in, or null
 * @param arrest it ends in an arrest: it needs a double crew, which takes the prisoner to custody
 * @param timeOnScene how long units stay once there
 * @param custodyTime how long the arresting crew is busy at custody (travel excluded); zero without an arrest
 */
public record GeneratedIncident(String id, Instant reportedAt, int grade, IncidentCategory category,
                                boolean recordedCrime, boolean mostSeriousViolence, boolean knifeEnabled,
                                boolean policeInitiated, GeoPoint location, String area, String dispatchGroup,
                                String hotSpot, int officersRequired, boolean arrest, Duration timeOnScene,
                                Duration custodyTime, String originatorPersonId, List<String> subjectPersonIds,
                                List<SafeguardingTheme> themes) {

    public GeneratedIncident {
        subjectPersonIds = List.copyOf(subjectPersonIds);
        themes = List.copyOf(themes);
    }

    /** Grades 1 and 2 are dispatched now; 3 and 4 are resolved by phone or appointment. */
    public boolean dispatched() {
        return grade <= 2;
    }

    /** The incident as the dispatch core sees it (CAD does not know the time on scene in advance). */
    public Incident toDispatch() {
        return new Incident(id, grade, reportedAt, location, area, dispatchGroup, officersRequired, arrest, null);
    }
}
