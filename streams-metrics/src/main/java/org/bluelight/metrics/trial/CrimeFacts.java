package org.bluelight.metrics.trial;

import java.util.Objects;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;

/**
 * What outcome classification needs to know about an incident or a crime record.
 *
 * @param recordedCrime true when this is a recorded crime; only recorded crime is counted
 */
public record CrimeFacts(IncidentCategory category, boolean recordedCrime, boolean mostSeriousViolence,
                         boolean knifeEnabled, boolean policeInitiated) {

    public CrimeFacts {
        Objects.requireNonNull(category, "category");
    }

    public static CrimeFacts of(IncidentEvent incident) {
        return new CrimeFacts(incident.getCategory(), incident.getRecordedCrime(), incident.getMostSeriousViolence(),
                incident.getKnifeEnabled(), incident.getPoliceInitiated());
    }

    /** A crime record is a recorded crime by definition. */
    public static CrimeFacts of(CrimeRecord crime) {
        return new CrimeFacts(crime.getCategory(), true, crime.getMostSeriousViolence(), crime.getKnifeEnabled(),
                crime.getPoliceInitiated());
    }
}
