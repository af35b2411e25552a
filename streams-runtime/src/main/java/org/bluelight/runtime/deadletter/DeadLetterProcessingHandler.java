package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor threw on a record (including a failed {@link org.bluelight.runtime.intake.RecordCheck} check): the source record's
 * original bytes go to {@code <source topic>.dlq}; processing goes on with the next record. A
 * record read from the app's repartition topics is traced back to its source topic by its
 * {@link SourceStamp}; its bytes are then the internal form, as the letter's headers say. A failure
 * in a punctuation has no record (Kafka Streams passes none): it is counted and logged. The handler
 * never throws.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetterQueue queue;

    @Override
    public void configure(Map<String, ?> configs) {
        queue = DeadLetterQueue.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (FailureReason.isTransient(exception)) {
            // Not the record's fault: fail the thread (the app replaces it) and try the record again.
            return Response.fail();
        }
        try {
            boolean nullKey = record != null && record.key() == null;
            boolean nullValue = record != null && record.value() == null;
            DeadLetter letter = DeadLetter.of(queue.applicationId(), context.topic(), context.partition(),
                    context.offset(), context.timestamp(), context.sourceRawKey(), context.sourceRawValue(),
                    context.headers(), Stage.PROCESSING, exception, FailureReason.of(exception, nullKey, nullValue),
                    Optional.ofNullable(context.processorNodeId()));
            if (context.topic() == null) {
                return Response.resume(queue.skip(letter, "it has no source record (a punctuation failed)"));
            }
            if (DeadLetterQueue.onGlobalThread(context)) {
                return Response.resume(queue.skip(letter, "a global store cannot send dead letters"));
            }
            return Response.resume(queue.divert(letter));
        } catch (RuntimeException failure) {
            return Response.resume(queue.failed(context.topic(), Stage.PROCESSING, exception, failure));
        }
    }
}
