package org.bluelight.runtime.deadletter;

import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on the values a check finds valid and sends the others to the input topic's dead-letter
 * topic, with their original bytes, the reason in headers, and the dead-letter counter:
 *
 * <pre>{@code
 * KStream<String, PositionFix> onMap = fixes.processValues(Validate.with(map::check));
 * }</pre>
 *
 * <p>An invalid value is raised as an {@link InvalidRecordException} that the app's processing
 * exception handler ({@link DeadLetterProcessingHandler}, set by {@code StreamsAppConfig}) turns
 * into a dead letter: only the handler sees the record's original bytes, and its dead letter is
 * written in the same transaction as the rest of the task's output. The dead-letter topic is
 * {@code <topic>.dlq} for the topic the record was read from; put the check before any
 * repartition, as after one the letter (traced back by its {@link SourceStamp}) holds the app's
 * internal bytes instead of the original ones.
 */
public final class Validate<K, V, VR> implements FixedKeyProcessorSupplier<K, V, VR> {

    private final Function<? super V, Result<VR>> check;

    private Validate(Function<? super V, Result<VR>> check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    public static <K, V, VR> Validate<K, V, VR> with(Function<? super V, Result<VR>> check) {
        return new Validate<>(check);
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
                Result<VR> result = check.apply(record.value());
                if (result instanceof Result.Valid<VR> valid) {
                    context.forward(record.withValue(valid.value()));
                } else if (result instanceof Result.Invalid<VR> invalid) {
                    throw new InvalidRecordException(invalid.reason(), invalid.detail());
                }
            }
        };
    }
}
