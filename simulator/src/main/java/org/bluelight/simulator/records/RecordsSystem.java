package org.bluelight.simulator.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.Topic;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.sampling.TwoPieceLogNormal;
import org.bluelight.simulator.scenario.MinutesDistribution;

/**
 * The force's crime and custody records systems: a crime record for each incident that is a recorded crime, naming
 * its people (the caller as victim of a crime against a person, its subjects as suspects, the arrested person as
 * offender), and a custody episode for each arrest: arrival, then release after a detention drawn from
 * {@link #DETENTION}. Whom an incident's arrest takes to custody is fixed by the incident, so its crime and custody
 * records name the same person.
 */
public final class RecordsSystem {

    /**
     * Time in custody: about 9 hours typical, a few hours to a day, rarely past the 36 hours a superintendent may
     * authorise (PACE 1984, s.42).
     */
    static final MinutesDistribution DETENTION = new MinutesDistribution(540, 180, 1_320, 2_160);
    private static final long SALT = 0xC057_0D1L;
    private static final Set<IncidentCategory> AGAINST_A_PERSON = EnumSet.of(IncidentCategory.VIOLENCE_WITH_INJURY,
            IncidentCategory.VIOLENCE_WITHOUT_INJURY, IncidentCategory.SEXUAL_OFFENCE, IncidentCategory.ROBBERY,
            IncidentCategory.BURGLARY, IncidentCategory.VEHICLE_CRIME, IncidentCategory.THEFT,
            IncidentCategory.CRIMINAL_DAMAGE);

    private final People people;
    private final long seed;
    private final TwoPieceLogNormal detention = new TwoPieceLogNormal(DETENTION);

    public RecordsSystem(People people, long scenarioSeed) {
        this.people = people;
        this.seed = scenarioSeed ^ SALT;
    }

    public People people() {
        return people;
    }

    /**
     * The crime record of an incident, if it is a recorded crime: committed when it was reported, recorded (and
     * created) at {@code recordedAt}.
     *
     * @param incidentId the CAD incident it links to; null when CAD's record of it is not on the topic
     */
    public Optional<CrimeRecord> crime(GeneratedIncident incident, String crimeId, String incidentId, Instant recordedAt) {
        if (!incident.recordedCrime()) {
            return Optional.empty();
        }
        Map<String, CrimeRole> roles = new LinkedHashMap<>();
        if (incident.originatorPersonId() != null && AGAINST_A_PERSON.contains(incident.category())) {
            roles.put(incident.originatorPersonId(), CrimeRole.VICTIM);
        }
        incident.subjectPersonIds().forEach(subject -> roles.putIfAbsent(subject, CrimeRole.SUSPECT));
        if (incident.arrest()) {
            roles.put(arrested(incident), CrimeRole.OFFENDER);
        }
        return Optional.of(crime(crimeId, incidentId, incident.reportedAt(), recordedAt, incident.category(),
                incident.mostSeriousViolence(), incident.knifeEnabled(), incident.policeInitiated(), incident.location(),
                roles, false));
    }

    /** A crime the force itself raised in a pre-planned operation: the arrested people are its offenders. */
    CrimeRecord operationCrime(String crimeId, Instant committedAt, Instant recordedAt, IncidentCategory category,
                               GeoPoint location, List<String> offenders) {
        Map<String, CrimeRole> roles = new LinkedHashMap<>();
        offenders.forEach(person -> roles.put(person, CrimeRole.OFFENDER));
        return crime(crimeId, null, committedAt, recordedAt, category, false, false, true, location, roles, true);
    }

    private CrimeRecord crime(String crimeId, String incidentId, Instant committedAt, Instant recordedAt,
                              IncidentCategory category, boolean mostSeriousViolence, boolean knifeEnabled,
                              boolean policeInitiated, GeoPoint location, Map<String, CrimeRole> roles, boolean preplanned) {
        List<CrimePerson> named = new ArrayList<>();
        roles.forEach((person, role) -> named.add(CrimePerson.newBuilder().setPersonId(person).setRole(role)
                .setHomeArea(people.homeArea(person)).build()));
        return CrimeRecord.newBuilder().setCrimeId(crimeId).setIncidentId(incidentId).setCommittedAt(committedAt)
                .setRecordedAt(recordedAt).setCategory(category).setMostSeriousViolence(mostSeriousViolence)
                .setKnifeEnabled(knifeEnabled).setPoliceInitiated(policeInitiated).setLocation(point(location))
                .setCancelled(false).setPeople(named).setPreplannedOperation(preplanned).setCreatedAt(recordedAt).build();
    }

    /** Who an incident's arrest takes to custody: its first subject, else someone drawn for it. */
    public String arrested(GeneratedIncident incident) {
        return incident.subjectPersonIds().isEmpty()
                ? people.draw(new SplittableRandom(seed ^ incident.id().hashCode()))
                : incident.subjectPersonIds().get(0);
    }

    /**
     * A custody episode of {@code personId} from {@code arrivedAt}: the arrival (no release yet) and, a detention
     * later, the release; each published when it happens.
     */
    public List<Publication<String, CustodyRecord>> custody(String custodyId, String personId, Instant arrivedAt,
                                                            boolean preplanned) {
        Duration detained = detention.draw(new SplittableRandom(seed ^ custodyId.hashCode()));
        CustodyRecord arrival = new CustodyRecord(custodyId, personId, arrivedAt, null, preplanned, people.homeArea(personId));
        CustodyRecord release = new CustodyRecord(custodyId, personId, arrivedAt, arrivedAt.plus(detained), preplanned,
                people.homeArea(personId));
        List<Publication<String, CustodyRecord>> records = new ArrayList<>();
        records.add(new Publication<>(Topic.CUSTODY_RECORDS, custodyId, arrival, arrivedAt));
        records.add(new Publication<>(Topic.CUSTODY_RECORDS, custodyId, release, release.getReleasedAt()));
        return records;
    }

    static org.bluelight.schemas.GeoPoint point(GeoPoint location) {
        return org.bluelight.schemas.GeoPoint.newBuilder().setLat(location.lat()).setLon(location.lon()).build();
    }
}
