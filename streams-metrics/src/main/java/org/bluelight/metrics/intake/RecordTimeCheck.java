package org.bluelight.metrics.intake;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.bluelight.runtime.deadletter.InvalidRecordException;
import org.bluelight.runtime.deadletter.Result;

/**
 * The runtime's {@code Validate}, with the record's timestamp given to the check so that event
 * times are judged against it: values the check refuses are raised as an
 * {@link InvalidRecordException}, which the app's processing exception handler turns into a dead
 * letter on {@code <topic>.dlq}. Put it before any repartition.
 */
public final class RecordTimeCheck<K, V> implements FixedKeyProcessorSupplier<K, V, V> {

    /** A check of a value read at {@code recordTime}. */
    @FunctionalInterface
    public interface Check<V> {
        Result<V> apply(V value, Instant recordTime);
    }

    private final Check<V> check;

    private RecordTimeCheck(Check<V> check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    public static <K, V> RecordTimeCheck<K, V> with(Check<V> check) {
        return new RecordTimeCheck<>(check);
    }

    @Override
    public FixedKeyProcessor<K, V, V> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<K, V> context;

            @Override
            public void init(FixedKeyProcessorContext<K, V> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<K, V> record) {
                Result<V> result = check.apply(record.value(), Instant.ofEpochMilli(record.timestamp()));
                if (result instanceof Result.Valid<V> valid) {
                    context.forward(record.withValue(valid.value()));
                } else if (result instanceof Result.Invalid<V> invalid) {
                    throw new InvalidRecordException(invalid.reason(), invalid.detail());
                }
            }
        };
    }
}
