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
 * The runtime's {@code Validate} for checks that also judge the record's key and timestamp (see
 * {@link InputLimits}): values the check refuses are raised as an {@link InvalidRecordException},
 * which the app's processing exception handler turns into a dead letter on {@code <topic>.dlq}.
 * Put it before any repartition.
 *
 * <pre>{@code
 * KStream<String, OfficerUpdate> statuses = stream.processValues(RecordCheck.with(input::status));
 * }</pre>
 */
public final class RecordCheck<K, V, VR> implements FixedKeyProcessorSupplier<K, V, VR> {

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
