package org.bluelight.simulator.records;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.Topic;
import org.bluelight.simulator.sampling.WeightedChoice;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Pre-planned operations, now and then: on about one day in {@value #DAYS_PER_OPERATION} a dawn warrant at a hot spot
 * (starting 05:00 to 07:00 local, two to four hours long) arrests two to five people for drugs or weapons. CAD holds
 * it as a scheduled (grade 3) police-initiated incident, and its crime and custody records are flagged
 * {@code preplannedOperation}, so frequent-service-user totals leave them out. The operation team is not drawn from
 * the response units.
 */
public final class PlannedOperations {

    static final int DAYS_PER_OPERATION = 3;
    static final int MIN_ARRESTS = 2;
    static final int MAX_ARRESTS = 5;
    private static final long SALT = 0x0937_A710L;
    private static final Map<IncidentCategory, Double> OFFENCES = Map.of(IncidentCategory.POSSESSION_OF_DRUGS, 0.5,
            IncidentCategory.DRUG_TRAFFICKING, 0.3, IncidentCategory.POSSESSION_OF_WEAPONS, 0.2);

    /** One operation: where, when, and whom it arrests. */
    public record Operation(String id, Instant start, Instant end, String hotSpotId, GeoPoint location,
                            IncidentCategory offence, List<String> arrested) {

        public Operation {
            arrested = List.copyOf(arrested);
        }
    }

    private final Scenario scenario;
    private final RecordsSystem records;

    public PlannedOperations(Scenario scenario, RecordsSystem records) {
        this.scenario = scenario;
        this.records = records;
    }

    /** The operations starting in {@code [from, to)}, ids prefixed {@code idPrefix}; the same window gives the same ones. */
    public List<Operation> between(Instant from, Instant to, String idPrefix) {
        List<Operation> operations = new ArrayList<>();
        if (scenario.demand().hotSpots().isEmpty()) {
            return operations;
        }
        Map<HotSpotSpec, Double> weights = new LinkedHashMap<>();
        scenario.demand().hotSpots().forEach(h -> weights.put(h, h.weight()));
        WeightedChoice<HotSpotSpec> places = new WeightedChoice<>(weights);
        WeightedChoice<IncidentCategory> offences = new WeightedChoice<>(new TreeMap<>(OFFENCES));
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ SALT ^ from.toEpochMilli());
        LocalDate last = to.atZone(scenario.timeZone()).toLocalDate();
        for (LocalDate day = from.atZone(scenario.timeZone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (random.nextInt(DAYS_PER_OPERATION) != 0) {
                continue;
            }
            Instant start = day.atTime(LocalTime.of(5, 0)).atZone(scenario.timeZone()).toInstant()
                    .plus(Duration.ofMinutes(random.nextInt(120)));
            Duration length = Duration.ofMinutes(120 + random.nextInt(120));
            HotSpotSpec where = places.draw(random);
            IncidentCategory offence = offences.draw(random);
            int count = MIN_ARRESTS + random.nextInt(MAX_ARRESTS - MIN_ARRESTS + 1);
            List<String> arrested = new ArrayList<>();
            while (arrested.size() < count) {
                String person = records.people().draw(random);
                if (!arrested.contains(person)) {
                    arrested.add(person);
                }
            }
            if (!start.isBefore(from) && start.isBefore(to)) {
                operations.add(new Operation(String.format(Locale.ROOT, "%s%03d", idPrefix, operations.size() + 1), start,
                        start.plus(length), where.id(), where.centre(), offence, arrested));
            }
        }
        return operations;
    }

    /**
     * What the operation leaves on the topics, each when it happens: a crime and a custody episode for each arrest
     * (recorded at the end), and, with {@code inCad}, CAD's scheduled incident, reported at the start and closed at
     * the end.
     */
    public List<Publication<?, ?>> records(Operation operation, boolean inCad) {
        List<Publication<?, ?>> published = new ArrayList<>();
        if (inCad) {
            published.add(new Publication<>(Topic.INCIDENTS, operation.id(),
                    incident(operation, IncidentEventType.REPORTED, operation.start()), operation.start()));
            published.add(new Publication<>(Topic.INCIDENTS, operation.id(),
                    incident(operation, IncidentEventType.CLOSED, operation.end()), operation.end()));
        }
        for (int i = 0; i < operation.arrested().size(); i++) {
            String person = operation.arrested().get(i);
            String crimeId = "CR-" + operation.id() + "-" + (i + 1);
            published.add(new Publication<>(Topic.CRIME_RECORDS, crimeId, records.operationCrime(crimeId, operation.start(),
                    operation.end(), operation.offence(), operation.location(), List.of(person)), operation.end()));
            published.addAll(records.custody("CU-" + operation.id() + "-" + (i + 1), person, operation.end(), true));
        }
        return published;
    }

    private IncidentEvent incident(Operation operation, IncidentEventType type, Instant at) {
        String area = TrialHotSpots.nearestArea(scenario, operation.location());
        return IncidentEvent.newBuilder()
                .setIncidentId(operation.id()).setEventType(type).setOccurredAt(at).setReportedAt(operation.start())
                .setGrade(3).setCategory(operation.offence()).setRecordedCrime(true).setMostSeriousViolence(false)
                .setKnifeEnabled(false).setPoliceInitiated(true).setLocation(RecordsSystem.point(operation.location()))
                .setNeighbourhoodArea(area).setDispatchGroup(scenario.groupOf(area)).setOfficersRequired(1)
                .setDoubleCrewRequired(false)
                .setExpectedServiceMinutes((int) Duration.between(operation.start(), operation.end()).toMinutes())
                .setOriginatorPersonId(null).setSubjectPersonIds(operation.arrested()).setThemes(List.of())
                .setPreplannedOperation(true).build();
    }
}
