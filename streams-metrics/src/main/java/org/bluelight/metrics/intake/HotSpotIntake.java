package org.bluelight.metrics.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.bluelight.metrics.patrol.GeometryFormatException;
import org.bluelight.metrics.patrol.HotSpotCatalogue;
import org.bluelight.runtime.deadletter.DeadLetter;
import org.bluelight.runtime.deadletter.DeadLetterQueue;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.deadletter.Stage;
import org.bluelight.schemas.HotSpot;
import org.bluelight.schemas.Topic;
import org.bluelight.schemas.serde.AvroSerdeException;

/**
 * The global hot-spot store's processor: reads {@code ref.hotspots} as bytes, so that bytes which
 * are no hot spot reach it too, and keeps the store and the {@link HotSpotCatalogue}. A record
 * that cannot be read, or a hot spot the {@link InputChecks} refuse, goes to
 * {@code ref.hotspots.dlq} with its original bytes and the reason, and is counted like every dead
 * letter. Kafka Streams 4.3 cannot write dead letters from the global thread (it drops what the
 * exception handlers return there), so they go through a {@link DeadLetterSink}, in the app the
 * producer of {@link GlobalDeadLetters}. Hot spots after a bad one are loaded as usual.
 */
public final class HotSpotIntake implements Processor<byte[], byte[], Void, Void> {

    /** Where this processor's dead letters are written. */
    @FunctionalInterface
    public interface DeadLetterSink {
        void send(ProducerRecord<byte[], byte[]> deadLetter);
    }

    private final String storeName;
    private final HotSpotCatalogue catalogue;
    private final InputChecks checks;
    private final Deserializer<HotSpot> deserializer;
    private final DeadLetterSink sink;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, HotSpot> hotSpots;
    private DeadLetterQueue queue;

    public HotSpotIntake(String storeName, HotSpotCatalogue catalogue, InputChecks checks, Deserializer<HotSpot> deserializer,
                         DeadLetterSink sink) {
        this.storeName = storeName;
        this.catalogue = catalogue;
        this.checks = checks;
        this.deserializer = deserializer;
        this.sink = sink;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        hotSpots = context.getStateStore(storeName);
        queue = DeadLetterQueue.from(context.appConfigs());
        try (KeyValueIterator<String, HotSpot> stored = hotSpots.all()) {
            List<HotSpot> all = new ArrayList<>();
            stored.forEachRemaining(entry -> all.add(entry.value));
            catalogue.loadIfEmpty(all);
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, Stage.VALIDATION, new InvalidRecordException(InputChecks.MISSING_ID, "hot spot record without a key"));
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            hotSpots.delete(key);
            catalogue.remove(key);
            return;
        }
        HotSpot hotSpot;
        try {
            hotSpot = deserializer.deserialize(Topic.HOTSPOTS.topicName(), record.headers(), record.value());
        } catch (AvroSerdeException e) {
            if (e.reason() == AvroSerdeException.Reason.REGISTRY_UNAVAILABLE) {
                throw e; // not the record's fault: the handler fails the thread and the record is read again
            }
            deadLetter(record, Stage.DESERIALIZATION, e);
            return;
        } catch (RuntimeException e) {
            deadLetter(record, Stage.DESERIALIZATION, e);
            return;
        }
        if (checks.hotSpotWithinLimits(hotSpot) instanceof Result.Invalid<HotSpot> invalid) {
            deadLetter(record, Stage.VALIDATION, new InvalidRecordException(invalid.reason(), invalid.detail()));
            return;
        }
        try {
            catalogue.put(hotSpot);
        } catch (GeometryFormatException e) {
            deadLetter(record, Stage.VALIDATION, new InvalidRecordException(InputChecks.BAD_GEOMETRY, e.getMessage()));
            return;
        }
        hotSpots.put(key, hotSpot);
    }

    private void deadLetter(Record<byte[], byte[]> record, Stage stage, RuntimeException failure) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        DeadLetter letter = DeadLetter.of(metadata.map(RecordMetadata::topic).orElse(Topic.HOTSPOTS.topicName()),
                metadata.map(RecordMetadata::partition).orElse(-1), metadata.map(RecordMetadata::offset).orElse(-1L),
                record.timestamp(), record.key(), record.value(), record.headers(), stage, failure,
                Optional.of(HotSpotIntake.class.getSimpleName()));
        queue.divertOutsideStreams(letter).forEach(sink::send);
    }
}
