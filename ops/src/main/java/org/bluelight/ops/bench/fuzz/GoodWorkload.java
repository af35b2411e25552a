package org.bluelight.ops.bench.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.GeoPoint;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PatrolArea;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;
import org.bluelight.schemas.Transport;

/**
 * The good records of a fuzz campaign: a small force on the Andorra map whose every record has an
 * output somewhere (recommendations, a backlog, coverage, trial counts, frequent-service-user tallies
 * and response KPIs), so a clean run and a fuzzed run can be compared output by output. Rounds of
 * the same shape repeat with fresh ids, so good records are spread among the hostile ones.
 */
public final class GoodWorkload {

    /** Officers serve these groups; the backlog group has none, so its incidents wait. */
    static final String GROUP = "FZ-CENTRAL";
    static final String BACKLOG_GROUP = "FZ-NOBODY";
    static final String TRIAL_ID = "FZ-TRIAL";
    /**
     * Outputs that depend on the order an app reads two topics in, not on the records: an incident
     * in {@link #GROUP} read before the status of the officer who would take it waits in the
     * backlog (a snapshot keyed by the group); read after it, it never waits. Two runs of the same
     * records may differ there, so a verdict does not compare them.
     */
    static final Map<String, Set<String>> ORDER_DEPENDENT = Map.of(Topic.BACKLOG.topicName(), Set.of(GROUP));
    private static final ZoneId TRIAL_ZONE = ZoneId.of("Europe/London");

    /** Places on Andorra's roads: Andorra la Vella, Escaldes, Encamp, Sant Julia, La Massana. */
    private static final GeoPoint[] PLACES = {
        new GeoPoint(42.5078, 1.5211), new GeoPoint(42.5097, 1.5386), new GeoPoint(42.5345, 1.5803),
        new GeoPoint(42.4637, 1.4912), new GeoPoint(42.5450, 1.5148)};
    private static final GeoPoint HOT_SPOT_CENTRE = PLACES[0];

    private final AppSerdes serdes;
    private final Instant start;

    /** @param start the first record's time; the workload spans about an hour after it */
    public GoodWorkload(AppSerdes serdes, Instant start) {
        this.serdes = serdes;
        this.start = start;
    }

    /** The first record's time. */
    public Instant start() {
        return start;
    }

    /** The trial day (06:00 to 05:59 local) that {@code at} falls in. */
    static LocalDate trialDay(Instant at) {
        ZonedDateTime local = at.atZone(TRIAL_ZONE);
        return local.getHour() < 6 ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    }

    /** Reference data first: a hot spot in treatment around the first place. */
    public List<FuzzRecord> reference() {
        List<FuzzRecord> records = new ArrayList<>();
        LocalDate day = trialDay(start);
        String hotSpot = "FZ-HS1";
        records.add(record(Topic.HOTSPOTS, hotSpot, HotSpot.newBuilder().setHotSpotId(hotSpot).setName("Fuzz square")
                .setTrialId(TRIAL_ID).setPatrolAreas(List.of(new PatrolArea(hotSpot + "-P1", square(HOT_SPOT_CENTRE, 0.004))))
                .build(), start));
        records.add(record(Topic.TRIAL_ALLOCATIONS, new TrialAllocationKey(day, hotSpot),
                new TrialAllocation(TRIAL_ID, day, hotSpot, TrialArm.TREATMENT, 7L), start));
        return records;
    }

    /**
     * Round {@code n}: an officer comes on duty with a position, an incident is reported and
     * attended, a second waits in the backlog group, a crime and a custody record name its people.
     */
    public List<FuzzRecord> round(int n) {
        List<FuzzRecord> records = new ArrayList<>();
        Instant t = start.plus(Duration.ofSeconds(30L * n));
        String officer = String.format(Locale.ROOT, "FZ-O%03d", n);
        String incident = String.format(Locale.ROOT, "FZ-I%03d", n);
        String waiting = String.format(Locale.ROOT, "FZ-W%03d", n);
        String caller = "FZ-P" + (n % 5);
        String suspect = "FZ-S" + (n % 3);
        GeoPoint home = PLACES[n % PLACES.length];
        GeoPoint scene = PLACES[(n + 1) % PLACES.length];

        records.add(status(officer, OfficerState.AVAILABLE, null, home, t));
        records.add(record(Topic.TELEMATICS, officer, PositionFix.newBuilder().setOfficerId(officer)
                .setFixedAt(t.plusSeconds(1)).setPosition(home).setSpeedMps(0f).build(), t.plusSeconds(1)));
        records.add(incident(incident, GROUP, 1, scene, caller, t.plusSeconds(2)));
        records.add(incident(waiting, BACKLOG_GROUP, 3, scene, caller, t.plusSeconds(3)));
        records.add(record(Topic.ASSIGNMENTS, incident, Assignment.newBuilder().setIncidentId(incident)
                .setAction(AssignmentAction.ASSIGNED).setOfficerIds(List.of(officer)).setDecidedAt(t.plusSeconds(5))
                .setFollowedRecommendation(true).setDispatcherId("fuzz-desk").build(), t.plusSeconds(5)));
        records.add(status(officer, OfficerState.EN_ROUTE, incident, home, t.plusSeconds(6)));
        records.add(status(officer, OfficerState.ON_SCENE, incident, scene, t.plusSeconds(300)));
        records.add(record(Topic.CRIME_RECORDS, "FZ-C" + n, CrimeRecord.newBuilder().setCrimeId("FZ-C" + n)
                .setIncidentId(incident).setCommittedAt(t).setRecordedAt(t.plusSeconds(400))
                .setCategory(IncidentCategory.THEFT).setLocation(scene)
                .setPeople(List.of(new CrimePerson(suspect, CrimeRole.SUSPECT, null), new CrimePerson(caller, CrimeRole.VICTIM, null)))
                .build(), t.plusSeconds(400)));
        records.add(record(Topic.CUSTODY_RECORDS, "FZ-K" + n, CustodyRecord.newBuilder().setCustodyId("FZ-K" + n)
                .setPersonId(suspect).setArrivedAt(t.plusSeconds(600)).setReleasedAt(t.plusSeconds(600 + 3 * 3600))
                .build(), t.plusSeconds(600)));
        records.add(status(officer, OfficerState.AVAILABLE, null, scene, t.plusSeconds(900)));
        return records;
    }

    private FuzzRecord incident(String id, String group, int grade, GeoPoint where, String caller, Instant at) {
        return record(Topic.INCIDENTS, id, IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(at).setReportedAt(at).setGrade(grade).setCategory(IncidentCategory.VIOLENCE_WITH_INJURY)
                .setRecordedCrime(true).setLocation(where).setDispatchGroup(group).setOriginatorPersonId(caller)
                .setExpectedServiceMinutes(45).build(), at);
    }

    private FuzzRecord status(String officer, OfficerState state, String incident, GeoPoint where, Instant at) {
        return record(Topic.OFFICER_STATUS, officer, OfficerStatus.newBuilder().setOfficerId(officer).setCallSign(officer)
                .setState(state).setChangedAt(at).setCrewSize(2).setDrivingStandard(DrivingStandard.ADVANCED)
                .setTransport(Transport.CAR).setDispatchGroup(GROUP).setShiftStart(start.minusSeconds(3600))
                .setShiftEnd(start.plusSeconds(10 * 3600)).setIncidentId(incident).setPosition(where).build(), at);
    }

    <K, V extends SpecificRecord> FuzzRecord record(Topic<K, V> topic, K key, V value, Instant at) {
        byte[] keyBytes = serdes.keySerde(topic).serializer().serialize(topic.topicName(), key);
        byte[] valueBytes = serdes.valueSerde(topic).serializer().serialize(topic.topicName(), value);
        return new FuzzRecord(topic, keyBytes, valueBytes, at.toEpochMilli(), null);
    }

    /** A GeoJSON square of {@code half} degrees either side of {@code centre}. */
    static String square(GeoPoint centre, double half) {
        double s = centre.getLat() - half;
        double n = centre.getLat() + half;
        double w = centre.getLon() - half;
        double e = centre.getLon() + half;
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                w, s, e, s, e, n, w, n, w, s);
    }
}
