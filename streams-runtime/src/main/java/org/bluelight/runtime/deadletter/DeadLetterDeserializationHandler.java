package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Input bytes that cannot be read: sent with their original bytes to {@code <source topic>.dlq};
 * processing goes on. When the failure is transient (the schema registry is unreachable) the
 * record is not given up on: the handler fails the stream thread, which the app replaces, and the
 * record is read again. Kafka Streams cannot send dead letters from the global thread, so bad
 * records of a global store's topic are counted, logged and skipped. The handler never throws.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterQueue queue;

    @Override
    public void configure(Map<String, ?> configs) {
        queue = DeadLetterQueue.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (FailureReason.isTransient(exception)) {
            LOG.warn("Cannot read {}-{}@{} for now, will retry: {}", record.topic(), record.partition(), record.offset(),
                    exception.getMessage());
            return Response.fail();
        }
        try {
            DeadLetter letter = DeadLetter.of(queue.applicationId(), record.topic(), record.partition(), record.offset(),
                    record.timestamp(), record.key(), record.value(), record.headers(), Stage.DESERIALIZATION, exception,
                    FailureReason.of(exception, record.key() == null, record.value() == null),
                    Optional.ofNullable(context.processorNodeId()));
            if (DeadLetterQueue.onGlobalThread(context)) {
                return Response.resume(queue.skip(letter, "a global store cannot send dead letters"));
            }
            return Response.resume(queue.divert(letter));
        } catch (RuntimeException failure) {
            return Response.resume(queue.failed(record.topic(), Stage.DESERIALIZATION, exception, failure));
        }
    }
}
