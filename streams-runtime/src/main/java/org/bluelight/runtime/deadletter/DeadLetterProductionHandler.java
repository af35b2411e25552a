package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * An output record that cannot be serialized or written: the input record that caused it goes,
 * with its original bytes, to {@code <source topic>.dlq}; processing goes on. Retriable broker
 * errors are retried instead, and a registry outage fails the thread (which the app replaces) so
 * the record is tried again. When there is no source record (output of a punctuation), the
 * dead letter goes to {@code <output topic>.dlq} with the output's bytes, if it has any.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private DeadLetterQueue queue;

    @Override
    public void configure(Map<String, ?> configs) {
        queue = DeadLetterQueue.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return Response.resume(queue.divert(letter(context, record.topic(), record.key(), record.value(), exception)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (FailureReason.isTransient(exception)) {
            // The registry is unreachable: fail the thread (the app replaces it) and try the record again.
            return Response.fail();
        }
        return Response.resume(queue.divert(letter(context, record.topic(), null, null, exception)));
    }

    private static DeadLetter letter(ErrorHandlerContext context, String outputTopic, byte[] outputKey,
                                     byte[] outputValue, Exception exception) {
        Optional<String> processor = Optional.ofNullable(context.processorNodeId());
        if (context.topic() != null) {
            return DeadLetter.of(context.topic(), context.partition(), context.offset(), context.timestamp(),
                    context.sourceRawKey(), context.sourceRawValue(), context.headers(), Stage.PRODUCTION, exception,
                    processor);
        }
        return DeadLetter.of(outputTopic, -1, -1, context.timestamp(), outputKey, outputValue, context.headers(),
                Stage.PRODUCTION, exception, processor);
    }
}
