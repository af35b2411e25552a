package org.bluelight.simulator.records;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.engine.SimIncident;
import org.bluelight.simulator.engine.SimUnit;
import org.bluelight.simulator.engine.SimulationListener;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.scenario.Scenario;

/**
 * What the force's other systems publish while the simulated force works, each record when it happens: the
 * trial's hot spots and schedule (at the start), the crime and custody records the records systems already hold
 * ({@link #HISTORY} of them, from a history of the same people on another seed, published at the start), a crime record for each recorded
 * crime when its incident closes, a custody episode for each prisoner taken to custody, and the pre-planned
 * operations. Listens to the simulation; {@link #due} hands out what is due by a simulated instant.
 */
public final class RecordKeeper implements SimulationListener {

    /**
     * How far back the records systems' history goes: the apps take a crime recorded, or a custody ended, at most
     * 7 days before the record's timestamp ({@code input.time.max.behind.ms}).
     */
    public static final Duration HISTORY = Duration.ofDays(6);
    private static final long HISTORY_SALT = 0x415_7041L;

    private record Queued(Publication<?, ?> publication, long sequence) {
    }

    private final RecordsSystem records;
    private final TrialHotSpots trial;
    private final PriorityQueue<Queued> queue = new PriorityQueue<>(
            Comparator.comparing((Queued q) -> q.publication().at()).thenComparingLong(Queued::sequence));
    private final Map<String, SimIncident> prisonerFrom = new HashMap<>();
    private long sequence;
    private Instant now;

    /**
     * @param start the first simulated instant: the history ends there
     * @param end the last simulated instant: the trial schedule and the operations run to there
     */
    public RecordKeeper(Scenario scenario, MapPlaces places, Instant start, Instant end) {
        this.records = new RecordsSystem(new People(scenario), scenario.seed());
        this.trial = new TrialHotSpots(scenario);
        this.now = start;
        Instant historyStart = start.minus(HISTORY);
        trial.hotSpots().forEach(h -> enqueue(new Publication<>(Topic.HOTSPOTS, h.getHotSpotId(), h, start)));
        LocalDate firstDay = trial.clock().trialDayOf(historyStart);
        int days = (int) ChronoUnit.DAYS.between(firstDay, trial.clock().trialDayOf(end)) + 1;
        for (TrialAllocation allocation : trial.allocations(firstDay, days)) {
            enqueue(new Publication<>(Topic.TRIAL_ALLOCATIONS,
                    new TrialAllocationKey(allocation.getTrialDay(), allocation.getHotSpotId()), allocation, start));
        }
        // The history goes out at the start, not stamped with its own times: the broker expires a producer's state
        // by its records' timestamps (producer.id.expiration.ms, a day), and the apps' exactly-once producers
        // would pass week-old stamps on.
        List<Publication<?, ?>> history = new ArrayList<>();
        history(scenario, places, historyStart, start, history);
        history.forEach(p -> enqueue(p.at().isBefore(start) ? republished(p, start) : p));
        PlannedOperations operations = new PlannedOperations(scenario, records);
        operations.between(start, end, "OP-").forEach(op -> operations.records(op, true).forEach(this::enqueue));
    }

    /** The trial's hot spots, for the units' patrols. */
    public TrialHotSpots trial() {
        return trial;
    }

    /** What is due by {@code now}, in time order, taken off the queue. */
    public List<Publication<?, ?>> due(Instant now) {
        List<Publication<?, ?>> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().publication().at().isAfter(now)) {
            due.add(queue.poll().publication());
        }
        return due;
    }

    @Override
    public void advancing(Instant from, Instant to) {
        now = to;
    }

    @Override
    public void closed(SimIncident incident) {
        Instant closedAt = now;
        records.crime(incident.generated(), "CR-" + incident.id(), incident.id(), now)
                .ifPresent(crime -> enqueue(new Publication<>(Topic.CRIME_RECORDS, crime.getCrimeId(), crime, closedAt)));
    }

    @Override
    public void cleared(SimUnit unit, SimIncident incident) {
        if (incident.generated().arrest()) {
            prisonerFrom.put(unit.id(), incident);
        }
    }

    /** The unit that took the prisoner goes to prisoner processing straight from the scene. */
    @Override
    public void changed(SimUnit unit) {
        SimIncident from = prisonerFrom.remove(unit.id());
        if (from != null && unit.state() == OfficerState.PRISONER_PROCESSING) {
            records.custody("CU-" + from.id(), records.arrested(from.generated()), now, false)
                    .forEach(this::enqueue);
        }
    }

    /** The crimes and custody episodes of the history window, and its operations (which CAD no longer shows). */
    private void history(Scenario scenario, MapPlaces places, Instant from, Instant to, List<Publication<?, ?>> out) {
        Scenario past = scenario.withSeed(scenario.seed() ^ HISTORY_SALT);
        for (GeneratedIncident incident : new IncidentGenerator(past, places).generate(from, to)) {
            // Recorded as the attending officers leave; the prisoner reaches custody then too.
            Instant closed = incident.reportedAt().plus(incident.timeOnScene());
            String reference = "H-" + incident.id();
            records.crime(incident, "CR-" + reference, null, closed)
                    .ifPresent(crime -> out.add(new Publication<>(Topic.CRIME_RECORDS, crime.getCrimeId(), crime, closed)));
            if (incident.arrest()) {
                out.addAll(records.custody("CU-" + reference, records.arrested(incident), closed, false));
            }
        }
        PlannedOperations operations = new PlannedOperations(past, records);
        operations.between(from, to, "OP-H").forEach(op -> out.addAll(operations.records(op, false)));
    }

    private static <K, V extends SpecificRecord> Publication<K, V> republished(Publication<K, V> p, Instant at) {
        return new Publication<>(p.topic(), p.key(), p.value(), at);
    }

    private void enqueue(Publication<?, ?> publication) {
        queue.add(new Queued(publication, sequence++));
    }
}
