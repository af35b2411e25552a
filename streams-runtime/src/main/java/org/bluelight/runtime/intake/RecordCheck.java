package org.bluelight.runtime.intake;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;

/**
 * Passes on the values a check finds valid and sends the others to the input topic's dead-letter
 * topic, with their original bytes, the reason in headers, and the dead-letter counter. The check
 * sees the record's key and timestamp too, so it can judge them (see {@link InputLimits}) or ignore them:
 *
 * <pre>{@code
 * KStream<String, OfficerUpdate> statuses = stream.processValues(RecordCheck.with(input::status));
 * KStream<String, PositionFix> onMap = fixes.processValues(RecordCheck.with((key, fix, recordTime) -> map.check(fix)));
 * }</pre>
 *
 * <p>An invalid value is raised as an {@link InvalidRecordException} that the app's processing
 * exception handler ({@link org.bluelight.runtime.deadletter.DeadLetterProcessingHandler}, set by
 * {@code StreamsAppConfig}) turns into a dead letter: only the handler sees the record's original
 * bytes, and its dead letter is written in the same transaction as the rest of the task's output.
 * The dead-letter topic is {@code <topic>.dlq} for the topic the record was read from; put the
 * check before any repartition, as after one the letter (traced back by its
 * {@link org.bluelight.runtime.deadletter.SourceStamp}) holds the app's internal bytes instead of
 * the original ones.
 */
public final class RecordCheck<K, V, VR> implements FixedKeyProcessorSupplier<K, V, VR> {

    /** The reason for a record with no key where the app needs one. */
    public static final String NULL_KEY = "null-key";
    /** The reason for a record with no value (a tombstone) where the app needs one. */
    public static final String TOMBSTONE = "tombstone";

    /** A check of {@code value} read under {@code key} from a record stamped {@code recordTime}. */
    @FunctionalInterface
    public interface Check<K, V, VR> {
        Result<VR> apply(K key, V value, Instant recordTime);
    }

    private final Check<K, V, VR> check;

    private RecordCheck(Check<K, V, VR> check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    public static <K, V, VR> RecordCheck<K, V, VR> with(Check<K, V, VR> check) {
        return new RecordCheck<>(check);
    }

    @Override
    public FixedKeyProcessor<K, V, VR> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<K, VR> context;

            @Override
            public void init(FixedKeyProcessorContext<K, VR> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<K, V> record) {
                Result<VR> result = check.apply(record.key(), record.value(), Instant.ofEpochMilli(record.timestamp()));
                if (result instanceof Result.Valid<VR> valid) {
                    context.forward(record.withValue(valid.value()));
                } else if (result instanceof Result.Invalid<VR> invalid) {
                    throw new InvalidRecordException(invalid.reason(), invalid.detail());
                }
            }
        };
    }
}
