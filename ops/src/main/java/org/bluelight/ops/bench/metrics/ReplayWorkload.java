package org.bluelight.ops.bench.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bluelight.runtime.serde.AppSerdes;
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
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.TrialAllocation;
import org.bluelight.schemas.TrialAllocationKey;
import org.bluelight.schemas.TrialArm;

/**
 * A year (or {@code scale} of one) of a large force's records, in event-time order: per year
 * 250,000 incidents, each with an officer's arrival and return to availability (500,000 status
 * changes), 300,000 crime records and 50,000 custody records linking 5,000 people, plus hot spots
 * over part of the incidents' area and a trial allocation for each of their days. Record
 * timestamps are event times, so the replay's windows, trial days and FSU ages are a year's.
 */
record ReplayWorkload(double scale, int groups, int officersPerGroup, int hotSpots, Instant start, Instant end) {

    static final Duration YEAR = Duration.ofDays(365);
    private static final String TRIAL = "REPLAY";

    /** The year ending two hours ago on the hour: brokers refuse timestamps more than an hour ahead. */
    static ReplayWorkload yearTo(Instant now, double scale, int groups, int officersPerGroup, int hotSpots) {
        Instant end = now.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofMillis((long) (YEAR.toMillis() * Math.min(1.0, scale))));
        return new ReplayWorkload(scale, groups, officersPerGroup, hotSpots, start, end);
    }

    int incidents() {
        return (int) Math.round(250_000 * scale);
    }

    int crimes() {
        return (int) Math.round(300_000 * scale);
    }

    int custodies() {
        return (int) Math.round(50_000 * scale);
    }

    int people() {
        return Math.max(100, (int) Math.round(5_000 * Math.min(1.0, scale)));
    }

    long trialDays() {
        return Duration.between(start, end).toDays() + 1;
    }

    long records() {
        return 3L * incidents() + crimes() + custodies() + hotSpots + hotSpots * trialDays();
    }

    String describe() {
        return String.format(Locale.ROOT, "%,d records: %,d incidents, %,d status changes, %,d crime and %,d custody records, "
                        + "%d hot spots with %,d trial allocations, over %d days from %s",
                records(), incidents(), 2L * incidents(), crimes(), custodies(), hotSpots, hotSpots * trialDays(),
                Duration.between(start, end).toDays(), start);
    }

    /** Writes everything; returns the number of sends that failed (and the first failure). */
    long write(String bootstrapServers, AppSerdes serdes, AtomicReference<String> firstFailure) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            Sender send = new Sender(producer, serdes, failed, firstFailure);
            for (int h = 0; h < hotSpots; h++) {
                send.send(Topic.HOTSPOTS, hotSpotId(h), hotSpot(h), start);
            }
            for (long d = 0; d < trialDays(); d++) {
                LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(d);
                for (int h = 0; h < hotSpots; h++) {
                    TrialArm arm = (d + h) % 2 == 0 ? TrialArm.TREATMENT : TrialArm.CONTROL;
                    send.send(Topic.TRIAL_ALLOCATIONS, new TrialAllocationKey(day, hotSpotId(h)),
                            new TrialAllocation(TRIAL, day, hotSpotId(h), arm, 7L), start);
                }
            }
            int crime = 0;
            int custody = 0;
            for (int i = 0; i < incidents(); i++) {
                Instant reported = at(i, incidents());
                writeIncident(send, i, reported);
                for (; crime < crimes() && !at(crime, crimes()).isAfter(reported); crime++) {
                    CrimeRecord record = crime(crime);
                    send.send(Topic.CRIME_RECORDS, record.getCrimeId(), record, record.getRecordedAt());
                }
                for (; custody < custodies() && !at(custody, custodies()).isAfter(reported); custody++) {
                    CustodyRecord record = custody(custody);
                    send.send(Topic.CUSTODY_RECORDS, record.getCustodyId(), record, record.getArrivedAt());
                }
            }
        }
        return failed.get();
    }

    /** An officer arrives 4 to 20 minutes after the report and is free again 30 minutes later. */
    private void writeIncident(Sender send, int i, Instant reported) {
        String group = "G" + (i % groups);
        int grade = 1 + (i % 3 == 0 ? 1 : 0);
        String incidentId = "I" + i;
        String officerId = group + "-O" + ((i / groups) % officersPerGroup);
        Instant arrived = reported.plusSeconds(240 + (i * 7919L) % 960);
        send.send(Topic.INCIDENTS, incidentId, IncidentEvent.newBuilder().setIncidentId(incidentId).setEventType(IncidentEventType.REPORTED)
                .setOccurredAt(reported).setReportedAt(reported).setGrade(grade)
                .setCategory(i % 2 == 0 ? IncidentCategory.THEFT : IncidentCategory.VIOLENCE_WITH_INJURY)
                .setRecordedCrime(i % 4 == 0).setLocation(location(i)).setDispatchGroup(group)
                .setOriginatorPersonId(person(i * 7L)).build(), reported);
        send.send(Topic.OFFICER_STATUS, officerId, status(officerId, group, OfficerState.ON_SCENE, incidentId, arrived), arrived);
        Instant free = arrived.plusSeconds(1800);
        send.send(Topic.OFFICER_STATUS, officerId, status(officerId, group, OfficerState.AVAILABLE, null, free), free);
    }

    private CrimeRecord crime(int r) {
        Instant committed = at(r, crimes());
        boolean linked = r % 2 == 0 && incidents() > 0;
        return CrimeRecord.newBuilder().setCrimeId("C" + r)
                .setIncidentId(linked ? "I" + Math.min(incidents() - 1, (int) ((long) r * incidents() / crimes())) : null)
                .setCommittedAt(committed).setRecordedAt(committed.plusSeconds(3600))
                .setCategory(r % 3 == 0 ? IncidentCategory.VIOLENCE_WITH_INJURY : IncidentCategory.THEFT)
                .setKnifeEnabled(r % 50 == 0).setLocation(location(r * 31))
                .setPeople(List.of(new CrimePerson(person(r * 13L), CrimeRole.SUSPECT, null),
                        new CrimePerson(person(r * 17L + 1), CrimeRole.VICTIM, null)))
                .build();
    }

    private CustodyRecord custody(int q) {
        Instant arrived = at(q, custodies());
        return CustodyRecord.newBuilder().setCustodyId("K" + q).setPersonId(person(q * 11L))
                .setArrivedAt(arrived).setReleasedAt(arrived.plusSeconds(6 * 3600)).build();
    }

    /** Squares of 0.01° over the incidents' area (51.70–51.80 N, 1.30–1.20 W). */
    private static HotSpot hotSpot(int h) {
        double lat = 51.70 + (h % 5) * 0.02;
        double lon = -1.30 + (h / 5 % 5) * 0.02;
        String square = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]}",
                lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat + 0.01, lon, lat);
        return HotSpot.newBuilder().setHotSpotId(hotSpotId(h)).setName("Replay " + h).setTrialId(TRIAL)
                .setPatrolAreas(List.of(new PatrolArea(hotSpotId(h) + "-P1", square))).build();
    }

    private static String hotSpotId(int h) {
        return "HS-R" + h;
    }

    private static GeoPoint location(int i) {
        return new GeoPoint(51.70 + (i % 100) * 0.001, -1.30 + (i % 97) * 0.001);
    }

    private String person(long n) {
        return "P" + (n % people());
    }

    /** The {@code i}th of {@code count} times spread evenly over the workload's span. */
    private Instant at(int i, int count) {
        return start.plusMillis(Duration.between(start, end).toMillis() * i / Math.max(1, count));
    }

    private static OfficerStatus status(String officerId, String group, OfficerState state, String incidentId, Instant at) {
        return OfficerStatus.newBuilder().setOfficerId(officerId).setCallSign(officerId).setState(state).setChangedAt(at)
                .setDispatchGroup(group).setIncidentId(incidentId).build();
    }

    private record Sender(KafkaProducer<byte[], byte[]> producer, AppSerdes serdes, AtomicLong failed, AtomicReference<String> firstFailure) {

        <K, V extends SpecificRecord> void send(Topic<K, V> topic, K key, V value, Instant timestamp) {
            String name = topic.topicName();
            producer.send(new ProducerRecord<>(name, null, timestamp.toEpochMilli(), serdes.keySerde(topic).serializer().serialize(name, key),
                    serdes.valueSerde(topic).serializer().serialize(name, value)), (metadata, failure) -> {
                        if (failure != null && failed.getAndIncrement() == 0) {
                            firstFailure.set(failure.toString());
                        }
                    });
        }
    }
}
