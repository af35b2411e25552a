package org.bluelight.simulator.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.bluelight.dispatch.geo.Location;
import org.bluelight.routing.GeoPoint;
import org.bluelight.routing.RoutingException;
import org.bluelight.routing.network.RoadNetwork;
import org.bluelight.routing.profile.TravelProfile;
import org.bluelight.routing.route.Route;
import org.bluelight.schemas.Assignment;
import org.bluelight.schemas.AssignmentAction;
import org.bluelight.schemas.BacklogSnapshot;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.PositionFix;
import org.bluelight.schemas.Recommendation;
import org.bluelight.schemas.RecommendationStatus;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.registry.RegistryClient;
import org.bluelight.schemas.registry.RegistryClientConfig;
import org.bluelight.schemas.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Deserializer;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.force.CrewShift;
import org.bluelight.simulator.force.Force;
import org.bluelight.simulator.force.PatrolPoints;
import org.bluelight.simulator.force.Rota;
import org.bluelight.simulator.force.Unit;
import org.bluelight.simulator.map.MapSource;
import org.bluelight.simulator.map.NetworkPlaces;
import org.bluelight.simulator.scenario.Scenario;

/**
 * Plays CAD and the vehicles of a scenario into Kafka on an accelerated clock, and closes the loop through what
 * dispatch publishes: incidents on {@code cad.incidents}; status changes on {@code officer.status}; telematics
 * fixes along each route's geometry on {@code officer.telematics}; a simulated dispatcher that accepts the top
 * active recommendation read from {@code dispatch.recommendations} after a delay and publishes
 * {@code cad.assignments}; units drive, stay on scene, take prisoners to custody, take breaks and end shifts.
 *
 * <p>The simulated clock starts at the wall-clock time of {@link #start()} and runs {@code speed} times faster;
 * records carry simulated timestamps. One thread runs the whole simulation, so no state is shared.
 */
public final class LiveSimulator implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(50);
    private static final Duration PATROL_STAY = Duration.ofMinutes(30);

    private enum Kind { SHIFT_END, SHIFT_START, BREAK_DUE, FREE, ARRIVE, CLEAR, FIX, PATROL, PHONE_CLOSED, ACCEPT, INCIDENT }

    private record Event(Instant at, Kind kind, long sequence, LiveUnit unit, LiveIncident incident, CrewShift shift, int token) {
    }

    private final LiveConfig config;
    private final Scenario scenario;
    private final PrintStream status;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparing(Event::at)
            .thenComparing(Event::kind).thenComparingLong(Event::sequence));
    private final Map<String, LiveUnit> units = new LinkedHashMap<>();
    private final Map<String, LiveIncident> incidents = new HashMap<>();
    private final Map<String, Integer> backlogByGroup = new LinkedHashMap<>();
    private final List<Double> latenciesMs = new ArrayList<>();
    private final List<Double> grade1Minutes = new ArrayList<>();
    private final List<Double> grade2Minutes = new ArrayList<>();
    private long sequence;

    private RoadNetwork network;
    private Map<String, List<Location>> patrolPoints;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private RegistryClient registry;
    private Serializer<IncidentEvent> incidentSerializer;
    private Serializer<OfficerStatus> statusSerializer;
    private Serializer<PositionFix> fixSerializer;
    private Serializer<Assignment> assignmentSerializer;
    private Deserializer<Recommendation> recommendationDeserializer;
    private Deserializer<BacklogSnapshot> backlogDeserializer;
    private Thread thread;
    private long wallStartNanos;
    private Instant simStart;
    private Instant simNow;
    private int published;
    private int dispatched;
    private int recommendations;
    private int assignments;
    private int arrivals;
    private int cleared;
    private int statusMessages;
    private int fixes;
    private final java.util.concurrent.atomic.AtomicInteger sendFailures = new java.util.concurrent.atomic.AtomicInteger();

    public LiveSimulator(LiveConfig config, PrintStream status) {
        this.config = config;
        this.scenario = config.scenario();
        this.status = status;
    }

    /** Opens the map and Kafka clients, then runs the simulation on its own thread. */
    public void start() {
        network = MapSource.open(config.osmFile(), config.workDir());
        NetworkPlaces places = new NetworkPlaces(network);
        Force force = Force.build(scenario, places);
        patrolPoints = PatrolPoints.of(scenario, places);
        registry = new RegistryClient(RegistryClientConfig.of(config.registryUrl().toString()));
        incidentSerializer = AvroSerdes.value(IncidentEvent.class, registry).serializer();
        statusSerializer = AvroSerdes.value(OfficerStatus.class, registry).serializer();
        fixSerializer = AvroSerdes.value(PositionFix.class, registry).serializer();
        assignmentSerializer = AvroSerdes.value(Assignment.class, registry).serializer();
        recommendationDeserializer = AvroSerdes.value(Recommendation.class, registry).deserializer();
        backlogDeserializer = AvroSerdes.value(BacklogSnapshot.class, registry).deserializer();
        producer = new KafkaProducer<>(producerProperties());
        consumer = new KafkaConsumer<>(consumerProperties());
        consumer.subscribe(List.of(Topic.RECOMMENDATIONS.topicName(), Topic.BACKLOG.topicName()));

        simStart = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        simNow = simStart;
        // Demand and shifts are laid on the simulated calendar from now; without a duration, for 30 simulated days.
        Instant demandEnd = config.duration() == null ? simStart.plus(Duration.ofDays(30))
                : simStart.plus(Duration.ofMillis((long) (config.duration().toMillis() * config.speed()))).plus(Duration.ofHours(1));
        for (Unit unit : force.units()) {
            units.put(unit.id(), new LiveUnit(unit));
        }
        for (CrewShift shift : Rota.shifts(scenario, force, simStart, demandEnd)) {
            schedule(shift.start().isBefore(simStart) ? simStart : shift.start(), Kind.SHIFT_START, units.get(shift.unit().id()), null, shift, 0);
        }
        for (GeneratedIncident incident : new IncidentGenerator(scenario, places).generate(simStart, demandEnd)) {
            schedule(incident.reportedAt(), Kind.INCIDENT, null, new LiveIncident(incident), null, 0);
        }
        wallStartNanos = System.nanoTime();
        thread = new Thread(this::loop, "live-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Blocks until the configured duration has passed (or {@link #close()}), then returns the summary. */
    public LiveSummary awaitEnd() throws InterruptedException {
        thread.join();
        return summary();
    }

    private void loop() {
        long lastStatus = System.nanoTime();
        try {
            while (!stopping.get()) {
                long elapsed = System.nanoTime() - wallStartNanos;
                if (config.duration() != null && elapsed >= config.duration().toNanos()) {
                    break;
                }
                simNow = simStart.plusNanos((long) (elapsed * config.speed()));
                while (!events.isEmpty() && !events.peek().at().isAfter(simNow)) {
                    handle(events.poll());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(TICK)) {
                    read(record);
                }
                if (System.nanoTime() - lastStatus >= config.statusInterval().toNanos()) {
                    status.println(statusLine());
                    lastStatus = System.nanoTime();
                }
            }
        } finally {
            producer.flush();
            writeSummary();
        }
    }

    // ---- reading what dispatch publishes ----

    private void read(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topic.BACKLOG.topicName())) {
            BacklogSnapshot snapshot = backlogDeserializer.deserialize(record.topic(), record.headers(), record.value());
            backlogByGroup.put(snapshot.getDispatchGroup(), snapshot.getEntries().size());
            return;
        }
        Recommendation recommendation = recommendationDeserializer.deserialize(record.topic(), record.headers(), record.value());
        LiveIncident incident = incidents.get(recommendation.getIncidentId());
        if (incident == null) {
            return; // from an earlier run
        }
        recommendations++;
        if (incident.firstRecommendationNanos == 0) {
            incident.firstRecommendationNanos = System.nanoTime();
            latenciesMs.add((incident.firstRecommendationNanos - incident.publishedNanos) / 1e6);
        }
        if (recommendation.getStatus() == RecommendationStatus.ACTIVE && !recommendation.getCandidates().isEmpty()
                && incident.assigned.isEmpty()) {
            incident.pending = recommendation;
            schedule(simNow.plus(config.dispatcherDelay()), Kind.ACCEPT, null, incident, null, ++incident.token);
        }
    }

    // ---- the simulation ----

    private void handle(Event event) {
        LiveUnit unit = event.unit();
        switch (event.kind()) {
            case INCIDENT -> report(event.incident());
            case PHONE_CLOSED -> close(event.incident(), IncidentEventType.CLOSED);
            case ACCEPT -> {
                if (event.token() == event.incident().token) {
                    accept(event.incident());
                }
            }
            case SHIFT_START -> {
                if (unit.duty.shiftStarts(event.shift(), unit.state == OfficerState.OFF_DUTY)) {
                    startShift(unit, event.shift());
                }
            }
            case SHIFT_END -> {
                if (unit.duty.shiftEnds(event.shift(),
                        unit.state == OfficerState.AVAILABLE || unit.state == OfficerState.ON_BREAK)) {
                    offDuty(unit);
                }
            }
            case BREAK_DUE -> {
                if (unit.duty.breakStartsNow(event.shift(), unit.state == OfficerState.AVAILABLE)) {
                    startBreak(unit);
                }
            }
            case FREE -> {
                if (event.token() == unit.token) {
                    becomeFree(unit);
                }
            }
            case ARRIVE -> {
                if (event.token() == unit.token) {
                    arrive(unit, event.incident());
                }
            }
            case CLEAR -> {
                if (event.token() == unit.token) {
                    clear(unit, event.incident());
                }
            }
            case FIX -> {
                if (event.token() == unit.token && unit.state != OfficerState.OFF_DUTY) {
                    fix(unit);
                }
            }
            case PATROL -> {
                if (event.token() == unit.token && unit.state == OfficerState.AVAILABLE) {
                    List<Location> points = patrolPoints.getOrDefault(unit.unit.homeArea(), List.of());
                    if (!points.isEmpty()) {
                        drive(unit, points.get(unit.random.nextInt(points.size())), TravelProfile.basic(
                                org.bluelight.routing.profile.Transport.valueOf(unit.unit.transport().name())), null);
                    }
                    schedule(simNow.plus(PATROL_STAY), Kind.PATROL, unit, null, null, unit.token);
                }
            }
        }
    }

    private void report(LiveIncident incident) {
        incidents.put(incident.id(), incident);
        published++;
        incident.publishedNanos = System.nanoTime();
        send(Topic.INCIDENTS, incident.id(), incidentSerializer, Records.incident(incident.generated, IncidentEventType.REPORTED, simNow));
        if (incident.generated.dispatched()) {
            dispatched++;
        } else {
            schedule(simNow.plus(Duration.ofMillis((long) (scenario.demand().phoneResolutionMinutes() * 60_000))),
                    Kind.PHONE_CLOSED, null, incident, null, 0);
        }
    }

    private void close(LiveIncident incident, IncidentEventType type) {
        send(Topic.INCIDENTS, incident.id(), incidentSerializer, Records.incident(incident.generated, type, simNow));
        incidents.remove(incident.id());
    }

    /** The simulated dispatcher takes the top candidate if its units can still go; otherwise waits for a refresh. */
    private void accept(LiveIncident incident) {
        Recommendation recommendation = incident.pending;
        if (recommendation == null || !incident.assigned.isEmpty() || !incidents.containsKey(incident.id())) {
            return;
        }
        List<String> ids = recommendation.getCandidates().get(0).getOfficerIds();
        List<LiveUnit> team = ids.stream().map(units::get).toList();
        boolean free = team.stream().allMatch(u -> u != null && (u.state == OfficerState.AVAILABLE
                || (u.state == OfficerState.EN_ROUTE && incident.generated.grade() == 1)
                || u.state == OfficerState.ON_BREAK || u.state == OfficerState.PRISONER_PROCESSING));
        if (!free) {
            return;
        }
        assignments++;
        send(Topic.ASSIGNMENTS, incident.id(), assignmentSerializer, Assignment.newBuilder()
                .setIncidentId(incident.id()).setAction(AssignmentAction.ASSIGNED).setOfficerIds(ids)
                .setDecidedAt(simNow).setRecommendationId(recommendation.getRecommendationId())
                .setFollowedRecommendation(true).setChosenRank(1).setDispatcherId("SIM-DISPATCHER").build());
        for (LiveUnit unit : team) {
            incident.assigned.add(unit);
            if (unit.state == OfficerState.ON_BREAK || unit.state == OfficerState.PRISONER_PROCESSING) {
                unit.committedTo = incident;
            } else {
                depart(unit, incident);
            }
        }
    }

    private void depart(LiveUnit unit, LiveIncident incident) {
        if (unit.incident != null && unit.incident != incident) {
            LiveIncident left = unit.incident;
            left.assigned.remove(unit);
        }
        unit.incident = incident;
        TravelProfile profile = TravelProfile.forResponse(
                org.bluelight.routing.profile.Transport.valueOf(unit.unit.transport().name()),
                org.bluelight.routing.profile.DrivingStandard.valueOf(unit.unit.drivingStandard().name()), incident.generated.grade());
        setState(unit, OfficerState.EN_ROUTE);
        Duration eta = drive(unit, incident.generated.location(), profile, incident);
        if (eta == null) {
            incident.assigned.remove(unit);
            unit.incident = null;
            setState(unit, OfficerState.AVAILABLE);
        }
    }

    /** Follows the road to {@code to}, sending fixes along the geometry; on arrival at an incident, ARRIVE. */
    private Duration drive(LiveUnit unit, Location to, TravelProfile profile, LiveIncident incident) {
        Route route;
        try {
            route = network.route(new GeoPoint(unit.position.lat(), unit.position.lon()), new GeoPoint(to.lat(), to.lon()),
                    profile, simNow);
        } catch (RoutingException e) {
            return null;
        }
        unit.token++;
        unit.route = route;
        unit.routeStart = simNow;
        Duration eta = Duration.ofMillis(Math.round(route.etaSeconds() * 1000));
        schedule(simNow.plus(config.fixInterval()), Kind.FIX, unit, null, null, unit.token);
        if (incident != null) {
            schedule(simNow.plus(eta), Kind.ARRIVE, unit, incident, null, unit.token);
        } else {
            unit.position = to; // a patrol move: where it will be, for dispatch after the next fix
        }
        return eta;
    }

    private void fix(LiveUnit unit) {
        Location at = unit.position;
        if (unit.route != null && unit.state == OfficerState.EN_ROUTE) {
            double share = Math.min(1, Duration.between(unit.routeStart, simNow).toMillis() / 1000.0 / Math.max(1, unit.route.etaSeconds()));
            List<GeoPoint> line = unit.route.geometry();
            GeoPoint p = line.get(Math.min(line.size() - 1, (int) Math.floor(share * (line.size() - 1))));
            at = new Location(p.lat(), p.lon());
        }
        fixes++;
        send(Topic.TELEMATICS, unit.unit.id(), fixSerializer, Records.fix(unit.unit.id(), at, simNow));
        schedule(simNow.plus(config.fixInterval()), Kind.FIX, unit, null, null, unit.token);
    }

    private void arrive(LiveUnit unit, LiveIncident incident) {
        arrivals++;
        unit.position = incident.generated.location();
        unit.route = null;
        setState(unit, OfficerState.ON_SCENE);
        if (incident.firstArrival == null) {
            incident.firstArrival = simNow;
            incident.sceneUntil = simNow.plus(incident.generated.timeOnScene());
            double minutes = Duration.between(incident.generated.reportedAt(), simNow).toMillis() / 60_000.0;
            (incident.generated.grade() == 1 ? grade1Minutes : grade2Minutes).add(minutes);
        }
        if (incident.generated.arrest() && !incident.prisonerTaken && unit.unit.doubleCrewed()) {
            incident.prisonerTaken = true;
            unit.takesPrisoner = true;
        }
        schedule(incident.sceneUntil.isAfter(simNow) ? incident.sceneUntil : simNow, Kind.CLEAR, unit, incident, null, unit.token);
    }

    private void clear(LiveUnit unit, LiveIncident incident) {
        cleared++;
        incident.assigned.remove(unit);
        unit.incident = null;
        if (incident.assigned.isEmpty()) {
            close(incident, IncidentEventType.CLOSED);
        }
        if (unit.takesPrisoner) {
            unit.takesPrisoner = false;
            Location custody = scenario.custodySuites().stream()
                    .min(Comparator.comparingDouble(s -> s.location().metersTo(unit.position))).orElseThrow().location();
            setStateWithEnd(unit, OfficerState.PRISONER_PROCESSING, simNow.plus(incident.generated.custodyTime()).plusSeconds(900));
            unit.position = custody;
            schedule(unit.freeAt, Kind.FREE, unit, null, null, ++unit.token);
            return;
        }
        becomeFree(unit);
    }

    private void becomeFree(LiveUnit unit) {
        unit.token++;
        LiveIncident committed = unit.committedTo;
        unit.committedTo = null;
        if (committed != null && incidents.containsKey(committed.id()) && committed.firstArrival == null) {
            depart(unit, committed);
            return;
        }
        switch (unit.duty.whenFree()) {
            case OFF_DUTY -> offDuty(unit);
            case BREAK -> startBreak(unit);
            case AVAILABLE -> {
                setState(unit, OfficerState.AVAILABLE);
                schedule(simNow.plus(config.fixInterval()), Kind.FIX, unit, null, null, unit.token);
                schedule(simNow.plus(PATROL_STAY), Kind.PATROL, unit, null, null, unit.token);
            }
        }
    }

    private void startBreak(LiveUnit unit) {
        unit.duty.takeBreak();
        unit.token++;
        setStateWithEnd(unit, OfficerState.ON_BREAK, simNow.plusMillis((long) (scenario.shifts().breakMinutes() * 60_000)));
        schedule(unit.freeAt, Kind.FREE, unit, null, null, unit.token);
        schedule(simNow.plus(config.fixInterval()), Kind.FIX, unit, null, null, unit.token);
    }

    private void startShift(LiveUnit unit, CrewShift shift) {
        unit.duty.start(shift, false);
        unit.position = unit.unit.home();
        schedule(shift.end(), Kind.SHIFT_END, unit, null, shift, 0);
        schedule(shift.breakDue().isBefore(simNow) ? simNow : shift.breakDue(), Kind.BREAK_DUE, unit, null, shift, 0);
        becomeFree(unit);
    }

    private void offDuty(LiveUnit unit) {
        unit.token++;
        CrewShift next = unit.duty.end(simNow);
        setState(unit, OfficerState.OFF_DUTY);
        if (next != null) {
            startShift(unit, next);
        }
    }

    private void setState(LiveUnit unit, OfficerState state) {
        setStateWithEnd(unit, state, null);
    }

    private void setStateWithEnd(LiveUnit unit, OfficerState state, Instant freeAt) {
        unit.state = state;
        unit.freeAt = freeAt;
        statusMessages++;
        send(Topic.OFFICER_STATUS, unit.unit.id(), statusSerializer, Records.status(unit.unit, state, simNow,
                unit.duty.shift(), freeAt, unit.incident == null ? null : unit.incident.id(), unit.position));
    }

    private <T extends SpecificRecord> void send(Topic<?, ?> topic, String key, Serializer<T> serializer, T value) {
        producer.send(new ProducerRecord<>(topic.topicName(), null, simNow.toEpochMilli(), key,
                serializer.serialize(topic.topicName(), value)), (metadata, error) -> {
                    if (error != null && sendFailures.getAndIncrement() == 0) {
                        status.println("simulator: a record to " + topic.topicName() + " was refused: " + error.getMessage());
                    }
                });
    }

    /** Records on every dead-letter topic, read from their end offsets: a clean run has none. */
    private Map<String, Long> deadLetters() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Topic<?, ?> topic : Topic.all()) {
            try {
                List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic.dlqName(), Duration.ofSeconds(15))
                        .stream()
                        .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition()))
                        .toList();
                long total = consumer.endOffsets(partitions, Duration.ofSeconds(15)).values().stream().mapToLong(Long::longValue).sum();
                if (total > 0) {
                    counts.put(topic.dlqName(), total);
                }
            } catch (org.apache.kafka.common.KafkaException e) {
                // -1 says "could not be read", which is not the same as none.
                counts.put(topic.dlqName(), -1L);
                status.println("simulator: could not read " + topic.dlqName() + ": " + e.getMessage());
            }
        }
        return counts;
    }

    private void schedule(Instant at, Kind kind, LiveUnit unit, LiveIncident incident, CrewShift shift, int token) {
        events.add(new Event(at, kind, sequence++, unit, incident, shift, token));
    }

    // ---- reporting ----

    public String statusLine() {
        return String.format(java.util.Locale.ROOT,
                "sim %s | incidents %d | recommendations %d | assignments %d | arrivals %d | backlog %s | G1 median %.1f min",
                simNow.truncatedTo(ChronoUnit.SECONDS), published, recommendations, assignments, arrivals, backlogByGroup,
                median(grade1Minutes));
    }

    public LiveSummary summary() {
        double wall = (System.nanoTime() - wallStartNanos) / 1e9;
        return new LiveSummary(wall, Duration.between(simStart, simNow).toMillis() / 3_600_000.0, published, dispatched,
                recommendations, assignments, arrivals, cleared, statusMessages, fixes, quantile(latenciesMs, 0.5),
                quantile(latenciesMs, 0.99), median(grade1Minutes), median(grade2Minutes), Map.copyOf(backlogByGroup),
                sendFailures.get(), deadLetters());
    }

    private void writeSummary() {
        if (config.summaryFile() == null) {
            return;
        }
        try {
            if (config.summaryFile().getParent() != null) {
                Files.createDirectories(config.summaryFile().getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(config.summaryFile().toFile(), summary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write summary " + config.summaryFile(), e);
        }
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "bluelight-simulator");
        return p;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bluelight-simulator-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    @Override
    public void close() {
        stopping.set(true);
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
        }
        if (network != null) {
            network.close();
        }
    }
}
