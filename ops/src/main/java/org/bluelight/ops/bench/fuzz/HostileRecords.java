package org.bluelight.ops.bench.fuzz;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bluelight.runtime.serde.AppSerdes;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;
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

/**
 * Hostile records for each input topic, reproducible from a seed. Hostile records name their own
 * officers, incidents, people and groups (prefix {@code FZH-}), so a hostile record that an app
 * rightly accepts never changes a good record's output.
 */
public final class HostileRecords {

    static final String PREFIX = "FZH-";
    private static final String GROUP = PREFIX + "GROUP";
    /** 9999-12-31T23:59:59Z: the largest time a CAD export would ever print. */
    static final Instant YEAR_9999 = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant YEAR_1 = Instant.parse("0001-01-01T00:00:00Z");
    private static final int SCHEMA_ID_NEVER_ISSUED = 0x7ff0_0000;
    /**
     * Pas de la Casa, over the Envalira pass from every good place: a hostile record rightly accepted
     * never counts in the good hot spot, nor in the coverage of a good officer's cells.
     */
    private static final GeoPoint WHERE = new GeoPoint(42.5424, 1.7336);

    private final AppSerdes serdes;
    private final SplittableRandom random;
    private final Instant now;
    private final GoodWorkload shapes;
    private int serial;

    public HostileRecords(AppSerdes serdes, long seed, Instant now) {
        this.serdes = serdes;
        this.random = new SplittableRandom(seed);
        this.now = now;
        this.shapes = new GoodWorkload(serdes, now);
    }

    /** The kinds that make sense on {@code topic}: no tombstones where a tombstone is a legitimate delete. */
    public static List<HostileKind> kindsFor(Topic<?, ?> topic) {
        List<HostileKind> kinds = new ArrayList<>(Arrays.asList(HostileKind.values()));
        kinds.remove(HostileKind.DUPLICATE); // made from good records, by the campaign
        if (topic.compacted()) {
            kinds.remove(HostileKind.TOMBSTONE);
        }
        return Collections.unmodifiableList(kinds);
    }

    /** One hostile record of {@code kind} for {@code topic}. */
    public FuzzRecord next(Topic<?, ?> topic, HostileKind kind) {
        serial++;
        long at = now.toEpochMilli();
        FuzzRecord plausible = plausible(topic);
        return switch (kind) {
            case RANDOM_BYTES -> new FuzzRecord(topic, plausible.key(), bytes(1 + random.nextInt(512)), at, kind);
            case WRONG_MAGIC -> {
                byte[] value = plausible.value().clone();
                value[0] = (byte) (1 + random.nextInt(255));
                yield new FuzzRecord(topic, plausible.key(), value, at, kind);
            }
            case UNKNOWN_SCHEMA_ID -> {
                byte[] value = plausible.value().clone();
                ByteBuffer.wrap(value, 1, 4).putInt(SCHEMA_ID_NEVER_ISSUED + random.nextInt(1000));
                yield new FuzzRecord(topic, plausible.key(), value, at, kind);
            }
            case TRUNCATED_AVRO -> {
                byte[] value = plausible.value();
                int cut = 5 + random.nextInt(Math.max(1, value.length - 6));
                yield new FuzzRecord(topic, plausible.key(), Arrays.copyOf(value, Math.min(cut, value.length - 1)), at, kind);
            }
            case OTHER_CONTRACT -> {
                Topic<?, ?> other = otherValueContract(topic);
                yield new FuzzRecord(topic, plausible.key(), plausible(other).value(), at, kind);
            }
            case NULL_KEY -> new FuzzRecord(topic, null, plausible.value(), at, kind);
            case TOMBSTONE -> new FuzzRecord(topic, plausible.key(), null, at, kind);
            case HOSTILE_VALUE -> hostileValue(topic);
            case HOSTILE_TIMESTAMP -> new FuzzRecord(topic, plausible.key(), plausible.value(),
                    random.nextBoolean() ? 0L : YEAR_9999.toEpochMilli(), kind);
            case DUPLICATE -> throw new IllegalArgumentException("Duplicates are made from good records, by the campaign");
        };
    }

    private Topic<?, ?> otherValueContract(Topic<?, ?> topic) {
        List<Topic<?, ?>> inputs = FuzzCampaign.INPUTS.stream()
                .filter(other -> !other.valueType().equals(topic.valueType())).toList();
        return inputs.get(random.nextInt(inputs.size()));
    }

    private String id(String what) {
        return PREFIX + what + "-" + serial;
    }

    /** A well-formed record of the topic's contract, naming only hostile-side entities. */
    private FuzzRecord plausible(Topic<?, ?> topic) {
        GeoPoint where = WHERE;
        Instant t = now;
        if (topic == Topic.INCIDENTS) {
            return shapes.record(Topic.INCIDENTS, id("I"), incident(id("I"), t, where).build(), t);
        } else if (topic == Topic.OFFICER_STATUS) {
            return shapes.record(Topic.OFFICER_STATUS, id("O"), status(id("O"), t, where).build(), t);
        } else if (topic == Topic.TELEMATICS) {
            return shapes.record(Topic.TELEMATICS, id("O"), fix(id("O"), t, where).build(), t);
        } else if (topic == Topic.ASSIGNMENTS) {
            return shapes.record(Topic.ASSIGNMENTS, id("I"), assignment(id("I"), List.of(id("O")), t).build(), t);
        } else if (topic == Topic.CRIME_RECORDS) {
            return shapes.record(Topic.CRIME_RECORDS, id("C"), crime(id("C"), t, where).build(), t);
        } else if (topic == Topic.CUSTODY_RECORDS) {
            return shapes.record(Topic.CUSTODY_RECORDS, id("K"), custody(id("K"), t, t.plusSeconds(3600)).build(), t);
        } else if (topic == Topic.HOTSPOTS) {
            return shapes.record(Topic.HOTSPOTS, id("HS"), hotSpot(id("HS"), GoodWorkload.square(where, 0.001)).build(), t);
        } else if (topic == Topic.TRIAL_ALLOCATIONS) {
            LocalDate day = GoodWorkload.trialDay(t);
            return shapes.record(Topic.TRIAL_ALLOCATIONS, new TrialAllocationKey(day, id("HS")),
                    new TrialAllocation(GoodWorkload.TRIAL_ID, day, id("HS"), TrialArm.CONTROL, 1L), t);
        }
        throw new IllegalArgumentException("Not an input topic: " + topic);
    }

    /** The topic's contract with one value no real source sends. */
    private FuzzRecord hostileValue(Topic<?, ?> topic) {
        Instant t = now;
        GeoPoint where = WHERE;
        int choice = random.nextInt(9);
        FuzzRecord record;
        if (topic == Topic.INCIDENTS) {
            IncidentEvent.Builder incident = incident(id("I"), t, where);
            switch (choice) {
                case 0 -> incident.setIncidentId(longId());
                case 1 -> incident.setOccurredAt(extremeTime()).setReportedAt(extremeTime());
                case 2 -> incident.setLocation(extremePoint());
                case 3 -> incident.setExpectedServiceMinutes(-371);
                case 4 -> incident.setGrade(random.nextBoolean() ? 99 : -1);
                case 5 -> incident.setOfficersRequired(random.nextBoolean() ? 3000 : -5).setDispatchGroup(controlCharacters());
                case 6 -> incident.setIncidentId("");
                // Events of an incident never reported, and a report a year after it happened.
                case 7 -> incident.setEventType(random.nextBoolean() ? IncidentEventType.CLOSED : IncidentEventType.UPDATED);
                default -> incident.setOccurredAt(t.minus(Duration.ofDays(365))).setExpectedServiceMinutes(Integer.MAX_VALUE);
            }
            record = shapes.record(Topic.INCIDENTS, incident.getIncidentId(), incident.build(), t);
        } else if (topic == Topic.OFFICER_STATUS) {
            OfficerStatus.Builder status = status(id("O"), t, where);
            switch (choice) {
                case 0 -> status.setOfficerId(longId());
                case 1, 2 -> status.setChangedAt(extremeTime());
                case 3 -> status.setPosition(extremePoint());
                case 4 -> status.setCrewSize(random.nextBoolean() ? -1 : 100_000);
                case 5 -> status.setDispatchGroup(longId()).setPredictedFreeAt(YEAR_9999);
                case 6 -> status.setOfficerId("").setCallSign("");
                case 7 -> status.setState(OfficerState.ON_SCENE).setIncidentId(id("UNKNOWN-I"));
                default -> status.setShiftStart(t).setShiftEnd(random.nextBoolean() ? t.minus(Duration.ofHours(9)) : YEAR_9999);
            }
            record = shapes.record(Topic.OFFICER_STATUS, status.getOfficerId(), status.build(), t);
        } else if (topic == Topic.TELEMATICS) {
            PositionFix.Builder fix = fix(id("O"), t, where);
            switch (choice) {
                case 0 -> fix.setOfficerId(longId());
                case 1, 2 -> fix.setFixedAt(extremeTime());
                case 3, 4 -> fix.setPosition(extremePoint());
                case 5 -> fix.setSpeedMps(Float.NaN).setHeadingDegrees(Float.POSITIVE_INFINITY);
                case 6 -> fix.setOfficerId("");
                case 7 -> fix.setAccuracyMeters(-1f).setSpeedMps(Float.MAX_VALUE);
                default -> fix.setFixedAt(t.minus(Duration.ofDays(random.nextInt(1, 400))));
            }
            record = shapes.record(Topic.TELEMATICS, fix.getOfficerId(), fix.build(), t);
        } else if (topic == Topic.ASSIGNMENTS) {
            List<String> team = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                team.add(id("O") + "-" + i);
            }
            Assignment.Builder assignment = assignment(id("I"), List.of(id("O")), t);
            switch (choice) {
                case 0, 1 -> assignment.setOfficerIds(team);
                case 2 -> assignment.setDecidedAt(extremeTime());
                case 3 -> assignment.setIncidentId(longId());
                case 4 -> assignment.setOfficerIds(List.of());
                case 5 -> assignment.setOfficerIds(List.of(longId()));
                case 6 -> assignment.setOfficerIds(List.of("", id("O")));
                // Standing down an incident nobody was sent to; the same officer fifty times.
                case 7 -> assignment.setAction(AssignmentAction.STOOD_DOWN);
                default -> assignment.setOfficerIds(Collections.nCopies(50, id("O")));
            }
            record = shapes.record(Topic.ASSIGNMENTS, assignment.getIncidentId(), assignment.build(), t);
        } else if (topic == Topic.CRIME_RECORDS) {
            CrimeRecord.Builder crime = crime(id("C"), t, where);
            switch (choice) {
                case 0 -> crime.setCrimeId(longId());
                case 1 -> crime.setCommittedAt(extremeTime());
                case 2 -> crime.setRecordedAt(extremeTime());
                case 3 -> crime.setLocation(extremePoint());
                case 4 -> crime.setPeople(List.of(new CrimePerson(longId(), CrimeRole.SUSPECT, null)));
                case 5 -> crime.setPeople(manyPeople());
                case 6 -> crime.setCrimeId("").setPeople(List.of(new CrimePerson("", CrimeRole.VICTIM, null)));
                case 7 -> crime.setRecordedAt(t.minus(Duration.ofDays(3650)));
                default -> crime.setIncidentId(id("UNKNOWN-I"));
            }
            record = shapes.record(Topic.CRIME_RECORDS, crime.getCrimeId(), crime.build(), t);
        } else if (topic == Topic.CUSTODY_RECORDS) {
            CustodyRecord.Builder custody = custody(id("K"), t, t.plusSeconds(3600));
            switch (choice) {
                case 0 -> custody.setCustodyId(longId());
                case 1 -> custody.setPersonId(longId());
                case 2, 3 -> custody.setArrivedAt(extremeTime());
                case 4, 5 -> custody.setReleasedAt(YEAR_9999);
                case 6 -> custody.setPersonId("");
                case 7 -> custody.setReleasedAt(t.minus(Duration.ofDays(2)));
                default -> custody.setCustodyId("");
            }
            record = shapes.record(Topic.CUSTODY_RECORDS, custody.getCustodyId(), custody.build(), t);
        } else if (topic == Topic.HOTSPOTS) {
            HotSpot.Builder hotSpot = hotSpot(id("HS"), GoodWorkload.square(where, 0.001));
            switch (choice) {
                case 0 -> hotSpot.setHotSpotId(longId());
                case 1, 2 -> hotSpot.setPatrolAreas(List.of(new PatrolArea(id("P"),
                        "{\"type\":\"Polygon\",\"coordinates\":[[[-180,-85],[180,-85],[180,85],[-180,85],[-180,-85]]]}")));
                case 3 -> hotSpot.setPatrolAreas(List.of(new PatrolArea(id("P"), manyVertices(where, 20_000))));
                case 4 -> hotSpot.setPatrolAreas(List.of(new PatrolArea(id("P"), "{\"type\":\"Polygon\",\"coordinates\":[[[NaN")));
                case 5 -> hotSpot.setPatrolAreas(List.of());
                case 6 -> hotSpot.setHotSpotId("");
                case 7 -> hotSpot.setPatrolAreas(List.of(new PatrolArea(id("P"),
                        "{\"type\":\"Polygon\",\"coordinates\":[[[1.52,42.50],[1.53,42.51],[1.52,42.51],[1.53,42.50]]]}")));
                default -> hotSpot.setPatrolAreas(manyAreas(where, 2000));
            }
            record = shapes.record(Topic.HOTSPOTS, hotSpot.getHotSpotId(), hotSpot.build(), t);
        } else if (topic == Topic.TRIAL_ALLOCATIONS) {
            LocalDate day = GoodWorkload.trialDay(t);
            String hotSpot = switch (choice) {
                case 0 -> longId();
                case 6 -> "";
                default -> id("HS");
            };
            LocalDate valueDay = switch (choice) {
                case 1, 2 -> LocalDate.of(9999, 12, 31);
                case 3 -> LocalDate.of(1, 1, 1);
                default -> day;
            };
            LocalDate keyDay = choice == 4 ? day.minusDays(30) : valueDay;
            record = shapes.record(Topic.TRIAL_ALLOCATIONS, new TrialAllocationKey(keyDay, hotSpot),
                    new TrialAllocation(GoodWorkload.TRIAL_ID, valueDay, hotSpot, TrialArm.TREATMENT, 1L), t);
        } else {
            throw new IllegalArgumentException("Not an input topic: " + topic);
        }
        return new FuzzRecord(topic, record.key(), record.value(), record.timestamp(), HostileKind.HOSTILE_VALUE);
    }

    private IncidentEvent.Builder incident(String id, Instant t, GeoPoint where) {
        return IncidentEvent.newBuilder().setIncidentId(id).setEventType(IncidentEventType.REPORTED).setOccurredAt(t)
                .setReportedAt(t).setGrade(1).setCategory(IncidentCategory.THEFT).setLocation(where).setDispatchGroup(GROUP);
    }

    private OfficerStatus.Builder status(String id, Instant t, GeoPoint where) {
        return OfficerStatus.newBuilder().setOfficerId(id).setCallSign(id).setState(OfficerState.AVAILABLE).setChangedAt(t)
                .setDispatchGroup(GROUP).setPosition(where);
    }

    private PositionFix.Builder fix(String id, Instant t, GeoPoint where) {
        return PositionFix.newBuilder().setOfficerId(id).setFixedAt(t).setPosition(where);
    }

    private Assignment.Builder assignment(String incident, List<String> officers, Instant t) {
        return Assignment.newBuilder().setIncidentId(incident).setAction(AssignmentAction.ASSIGNED).setOfficerIds(officers)
                .setDecidedAt(t);
    }

    private CrimeRecord.Builder crime(String id, Instant t, GeoPoint where) {
        return CrimeRecord.newBuilder().setCrimeId(id).setCommittedAt(t).setRecordedAt(t).setCategory(IncidentCategory.THEFT)
                .setLocation(where).setPeople(List.of(new CrimePerson(id("P"), CrimeRole.SUSPECT, null)));
    }

    private CustodyRecord.Builder custody(String id, Instant arrived, Instant released) {
        return CustodyRecord.newBuilder().setCustodyId(id).setPersonId(id("P")).setArrivedAt(arrived).setReleasedAt(released);
    }

    private HotSpot.Builder hotSpot(String id, String geometry) {
        return HotSpot.newBuilder().setHotSpotId(id).setName(id).setTrialId(GoodWorkload.TRIAL_ID)
                .setPatrolAreas(List.of(new PatrolArea(id + "-P", geometry)));
    }

    private Instant extremeTime() {
        return switch (random.nextInt(3)) {
            case 0 -> YEAR_1;
            case 1 -> Instant.EPOCH;
            default -> YEAR_9999;
        };
    }

    private GeoPoint extremePoint() {
        return switch (random.nextInt(4)) {
            case 0 -> new GeoPoint(Double.NaN, Double.NaN);
            case 1 -> new GeoPoint(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
            case 2 -> new GeoPoint(999.0, -999.0);
            default -> new GeoPoint(-90.0, 180.0);
        };
    }

    /**
     * An id of 100 KB; now and then of 450 KB (key and value together just under the broker's
     * default 1 MB record limit) or of 1 MB (which the broker refuses, so it is counted as refused).
     */
    private String longId() {
        int size = switch (random.nextInt(16)) {
            case 0 -> 1_000_000;
            case 1, 2 -> 450_000;
            default -> 100_000;
        };
        return PREFIX + "X".repeat(size) + serial;
    }

    private String controlCharacters() {
        return PREFIX + "\u0000\u001b[2J\r\n" + serial;
    }

    private List<CrimePerson> manyPeople() {
        List<CrimePerson> people = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            people.add(new CrimePerson(id("P") + "-" + i, CrimeRole.VICTIM, null));
        }
        return people;
    }

    private List<PatrolArea> manyAreas(GeoPoint centre, int count) {
        List<PatrolArea> areas = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            areas.add(new PatrolArea(id("P") + "-" + i, GoodWorkload.square(centre, 0.0005)));
        }
        return areas;
    }

    private static String manyVertices(GeoPoint centre, int count) {
        StringBuilder ring = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= count; i++) {
            double angle = 2 * Math.PI * (i % count) / count;
            ring.append(String.format(Locale.ROOT, "%s[%.6f,%.6f]", i == 0 ? "" : ",",
                    centre.getLon() + 0.01 * Math.cos(angle), centre.getLat() + 0.01 * Math.sin(angle)));
        }
        return ring.append("]]}").toString();
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static boolean hostileKey(String key) {
        return key != null && key.contains(PREFIX);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HostileRecords[%d made]", serial);
    }
}
