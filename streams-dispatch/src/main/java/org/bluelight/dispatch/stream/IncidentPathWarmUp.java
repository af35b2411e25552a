package org.bluelight.dispatch.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.desk.DeskOutput;
import org.bluelight.dispatch.desk.Dispatcher;
import org.bluelight.dispatch.desk.InMemoryBoard;
import org.bluelight.dispatch.desk.IncidentCase;
import org.bluelight.dispatch.incident.Incident;
import org.bluelight.dispatch.recommend.Recommender;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.runtime.serde.JsonSerde;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.schemas.IncidentEvent;
import org.bluelight.schemas.IncidentEventType;
import org.bluelight.schemas.OfficerState;
import org.bluelight.schemas.OfficerStatus;
import org.bluelight.schemas.Transport;

/**
 * Synthetic incidents run through the incident path's own code before the app takes real ones: the Avro
 * decoding of the incident, its checks ({@link Inbound}), the group event's JSON for the repartition, the
 * {@link Dispatcher} with the {@link Recommender} and the real travel times, the case and backlog entries' JSON,
 * and the recommendation's Avro encoding. Without it the first real incidents of a fresh JVM paid for loading
 * and first running all of that (the desk's first case alone some 400 ms on a loaded machine). Everything stays
 * in memory: an in-memory board, plain Avro binary, a meter registry of its own; nothing reaches Kafka, the
 * registry or the app's stores.
 *
 * @param budget    how long the warm-up may take (the first incident runs regardless); it stops early after {@code incidents}
 * @param incidents at most this many incidents, each reported, recommended and closed
 */
public record IncidentPathWarmUp(Duration budget, int incidents) {

    /** Two seconds or 100 incidents: the path's classes loaded and its code run a hundred times. */
    public static final IncidentPathWarmUp DEFAULT = new IncidentPathWarmUp(Duration.ofSeconds(2), 100);
    public static final IncidentPathWarmUp NONE = new IncidentPathWarmUp(Duration.ZERO, 0);

    /** Units on the synthetic group's board, each at one of the places. */
    static final int OFFICERS = 30;
    private static final String GROUP = "warm-up";

    public IncidentPathWarmUp {
        if (budget == null || budget.isNegative() || incidents < 0) {
            throw new IllegalArgumentException("warm-up budget and incidents must not be negative");
        }
    }

    /** What was done: incidents run, and how many of them got a recommendation. */
    public record Outcome(int incidents, int recommended, Duration took) {
    }

    /**
     * Runs the incidents at {@code now}, units and scenes at {@code places} (junctions of the map, inside its
     * bounds): the first {@link #OFFICERS} hold the units, the scenes go round all of them.
     */
    public Outcome run(DispatchRules rules, InputLimits limits, DeskLimits desk, TravelTimes travelTimes, List<GeoPoint> places,
                       Instant now) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        if (incidents == 0 || places.isEmpty()) {
            return new Outcome(0, 0, Duration.ZERO);
        }
        Inbound inbound = new Inbound(rules, limits, new SimpleMeterRegistry());
        Dispatcher dispatcher = new Dispatcher(new Recommender(rules, travelTimes), new InMemoryBoard(), desk);
        Serde<GroupEvent> groupEvents = JsonSerde.of(GroupEvent.class);
        Serde<IncidentCase> cases = JsonSerde.of(IncidentCase.class);
        Serde<WaitingIncident> waiting = JsonSerde.of(WaitingIncident.class);
        for (int i = 0; i < Math.min(OFFICERS, places.size()); i++) {
            OfficerStatus status = avroRoundTrip(status(i, places.get(i), now));
            if (inbound.officer(status.getOfficerId(), status, now) instanceof Result.Valid<Officer> officer) {
                dispatcher.onOfficer(officer.value(), now);
            }
        }
        int done = 0;
        int recommended = 0;
        // The first incident runs whatever the clock says: it is the one that loads the path's classes.
        while (done < incidents && (done == 0 || System.nanoTime() < deadline)) {
            IncidentEvent event = avroRoundTrip(incident(done, places.get(done % places.size()), now));
            if (inbound.incident(event.getIncidentId(), event, now) instanceof Result.Valid<Incident> valid) {
                GroupEvent.IncidentChanged changed = (GroupEvent.IncidentChanged) roundTrip(groupEvents,
                        new GroupEvent.IncidentChanged(valid.value(), IncidentEventType.REPORTED));
                for (DeskOutput output : dispatcher.onIncident(changed.incident(), changed.type(), now)) {
                    if (output instanceof DeskOutput.Recommended made) {
                        avroRoundTrip(Outbound.recommendation(made.recommendation()));
                        recommended++;
                    } else if (output instanceof DeskOutput.BacklogChanged backlog) {
                        avroRoundTrip(Outbound.backlog(backlog));
                        backlog.entries().forEach(entry -> roundTrip(waiting, entry));
                    }
                }
                dispatcher.board().incidentCase(GROUP, changed.incident().id()).ifPresent(open -> roundTrip(cases, open));
                dispatcher.onIncident(changed.incident(), IncidentEventType.CLOSED, now);
            }
            done++;
        }
        return new Outcome(done, recommended, Duration.ofNanos(System.nanoTime() - start));
    }

    private static OfficerStatus status(int i, GeoPoint post, Instant now) {
        DrivingStandard[] standards = DrivingStandard.values();
        return OfficerStatus.newBuilder()
                .setOfficerId("warm-up-officer-" + i)
                .setCallSign("WU" + i)
                .setState(OfficerState.AVAILABLE)
                .setChangedAt(now)
                .setDrivingStandard(standards[i % standards.length])
                // Mostly cars, as forces are; every fifth on foot, the other profile incidents are routed with.
                .setTransport(i % 5 == 4 ? Transport.FOOT : Transport.CAR)
                .setDispatchGroup(GROUP)
                .setShiftStart(now.minus(Duration.ofHours(1)))
                .setShiftEnd(now.plus(Duration.ofHours(9)))
                .setPosition(new org.bluelight.schemas.GeoPoint(post.lat(), post.lon()))
                .build();
    }

    private static IncidentEvent incident(int n, GeoPoint scene, Instant now) {
        return IncidentEvent.newBuilder()
                .setIncidentId("warm-up-" + n)
                .setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(now)
                .setReportedAt(now)
                .setGrade(1 + n % 2)
                .setCategory(IncidentCategory.values()[n % IncidentCategory.values().length])
                .setLocation(new org.bluelight.schemas.GeoPoint(scene.lat(), scene.lon()))
                .setDispatchGroup(GROUP)
                .build();
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize(GROUP, serde.serializer().serialize(GROUP, value));
    }

    /** Written and read as the app's serdes do after the wire format's five-byte header (the class's model has its time conversions). */
    private static <T extends SpecificRecord> T avroRoundTrip(T record) {
        Schema schema = record.getSchema();
        SpecificData model = SpecificData.getForClass(record.getClass());
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
            new SpecificDatumWriter<T>(schema, model).write(record, encoder);
            encoder.flush();
            return new SpecificDatumReader<T>(schema, schema, model)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
