package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Wraps every processor of a topology built with {@link #streamsBuilder()} (Kafka Streams'
 * {@code processor.wrapper.class}) so that a record that keeps failing its task is dead-lettered
 * instead of retried for ever ({@link PoisonRecords}). The first processor a record reaches notes the
 * record's failure when its processing throws an {@link Error} (the thread then dies and is replaced)
 * or outlasts the transaction timeout; once the record has failed often enough, that processor throws
 * {@link PoisonRecordException} instead of processing it, and the processing exception handler writes
 * the dead letter (reason {@value PoisonRecords#REASON}) in the task's transaction.
 *
 * <p>Without a {@link PoisonRecords} in the app's configuration (a {@code TopologyTestDriver}) the
 * processors run unguarded. Punctuations are not guarded: they have no record to give up on.
 */
public final class PoisonRecordGuard implements ProcessorWrapper {

    /**
     * A streams builder whose processors are guarded. The configuration given here holds only the
     * wrapper: every other topology setting comes from the app's configuration when it runs.
     */
    public static StreamsBuilder streamsBuilder() {
        return new StreamsBuilder(new TopologyConfig(new StreamsConfig(Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "guarded-topology",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "set-when-the-app-runs:9092",
                StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, PoisonRecordGuard.class))));
    }

    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return new WrappedProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new GuardedProcessor<>(supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return new WrappedFixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new GuardedFixedKeyProcessor<>(supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    /** What both kinds of processor do around the record. */
    private static final class Guard {
        private PoisonRecords ledger;
        private Supplier<Optional<RecordMetadata>> metadata;

        void init(Map<String, Object> appConfigs, Supplier<Optional<RecordMetadata>> metadata) {
            this.ledger = PoisonRecords.from(appConfigs).orElse(null);
            this.metadata = metadata;
        }

        void process(Runnable processing) {
            if (ledger == null) {
                processing.run();
                return;
            }
            boolean first = ledger.enter();
            try {
                Optional<PoisonRecords.Position> position = first ? PoisonRecords.Position.of(metadata.get()) : Optional.empty();
                if (position.isEmpty()) {
                    processing.run();
                } else {
                    guarded(position.get(), processing);
                }
            } finally {
                ledger.leave();
            }
        }

        private void guarded(PoisonRecords.Position position, Runnable processing) {
            if (ledger.givenUp(position)) {
                PoisonRecords.Failures failures = ledger.failures(position).orElseThrow();
                throw new PoisonRecordException("The record at " + position + " failed its task "
                        + failures.attempts() + " times (last: " + failures.lastFailure() + "); skipped so that its partition moves on");
            }
            long start = System.nanoTime();
            try {
                processing.run();
            } catch (Error error) {
                noteFailure(position, error.toString(), error);
                throw error;
            }
            long tookNanos = System.nanoTime() - start;
            if (!ledger.slowRecord().isZero() && tookNanos > ledger.slowRecord().toNanos()) {
                noteFailure(position, "its processing took " + tookNanos / 1_000_000 + " ms, longer than the transaction timeout ("
                        + ledger.slowRecord().toMillis() + " ms)", null);
            }
        }

        private void noteFailure(PoisonRecords.Position position, String failure, Error error) {
            try {
                ledger.failed(position, failure);
            } catch (RuntimeException | Error couldNot) {
                // Out of memory, say: the record is then tried again as before.
                if (error != null && couldNot != error) {
                    error.addSuppressed(couldNot);
                }
            }
        }
    }

    private static final class GuardedProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
        private final Processor<KIn, VIn, KOut, VOut> processor;
        private final Guard guard = new Guard();

        GuardedProcessor(Processor<KIn, VIn, KOut, VOut> processor) {
            this.processor = processor;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            guard.init(context.appConfigs(), context::recordMetadata);
            processor.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            guard.process(() -> processor.process(record));
        }

        @Override
        public void close() {
            processor.close();
        }
    }

    private static final class GuardedFixedKeyProcessor<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {
        private final FixedKeyProcessor<KIn, VIn, VOut> processor;
        private final Guard guard = new Guard();

        GuardedFixedKeyProcessor(FixedKeyProcessor<KIn, VIn, VOut> processor) {
            this.processor = processor;
        }

        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            guard.init(context.appConfigs(), context::recordMetadata);
            processor.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            guard.process(() -> processor.process(record));
        }

        @Override
        public void close() {
            processor.close();
        }
    }
}
