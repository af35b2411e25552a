package org.bluelight.runtime.deadletter;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor threw on a record (including a failed {@link org.bluelight.runtime.intake.RecordCheck} check): the source record's
 * original bytes go to {@code <source topic>.dlq}; processing goes on with the next record.
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
        if (context.topic() == null) {
            DeadLetter letter = DeadLetter.of("unknown", -1, -1, record.timestamp(), null, null, context.headers(),
                    Stage.PROCESSING, exception, Optional.ofNullable(context.processorNodeId()));
            return Response.resume(queue.skip(letter, "it has no source record (made by a punctuation)"));
        }
        DeadLetter letter = DeadLetter.of(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers(), Stage.PROCESSING, exception,
                Optional.ofNullable(context.processorNodeId()));
        if (DeadLetterQueue.onGlobalThread(context)) {
            return Response.resume(queue.skip(letter, "a global store cannot send dead letters"));
        }
        return Response.resume(queue.divert(letter));
    }
}
