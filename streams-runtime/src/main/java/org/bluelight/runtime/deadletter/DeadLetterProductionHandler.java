package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.bluelight.schemas.Topic;

/**
 * An output record that cannot be serialized or written (say a store update over the size limit
 * of its changelog): the input record that caused it goes, with its original bytes, to
 * {@code <source topic>.dlq}, headers naming the topic that could not be written; processing goes
 * on. Retriable broker errors are retried instead, and a registry outage fails the thread (which
 * the app replaces) so the record is tried again. When there is no source record (output of a
 * punctuation), the letter goes to the app's fallback {@code <application.id>.dlq} with the
 * output's bytes, if it has any. A dead letter that cannot be written is counted and logged, never
 * dead-lettered again. The handler never throws.
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
        try {
            if (record.topic().endsWith(Topic.DLQ_SUFFIX)) {
                return Response.resume(queue.notWritten(record, exception));
            }
            return Response.resume(queue.divert(letter(context, record.topic(), record.key(), record.value(), exception)));
        } catch (RuntimeException failure) {
            return Response.resume(queue.failed(context.topic(), Stage.PRODUCTION, exception, failure));
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        if (FailureReason.isTransient(exception)) {
            // The registry is unreachable: fail the thread (the app replaces it) and try the record again.
            return Response.fail();
        }
        try {
            return Response.resume(queue.divert(letter(context, record.topic(), null, null, exception)));
        } catch (RuntimeException failure) {
            return Response.resume(queue.failed(context.topic(), Stage.PRODUCTION, exception, failure));
        }
    }

    private DeadLetter letter(ErrorHandlerContext context, String outputTopic, byte[] outputKey, byte[] outputValue,
                              Exception exception) {
        DeadLetter letter = DeadLetter.of(queue.applicationId(), context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                Stage.PRODUCTION, exception, FailureReason.of(exception), Optional.ofNullable(context.processorNodeId()));
        return context.topic() != null ? letter.writingTo(outputTopic) : letter.withOutput(outputTopic, outputKey, outputValue);
    }
}
