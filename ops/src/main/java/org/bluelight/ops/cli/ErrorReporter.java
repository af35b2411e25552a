package org.bluelight.ops.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.kafka.common.KafkaException;
import org.bluelight.ops.kafka.LocalKafkaBrokerException;
import org.bluelight.ops.local.LocalStackException;
import org.bluelight.ops.topics.TopicProvisioningException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's error as one readable message with its causes; a stack trace only
 * for failures we did not anticipate, which are bugs.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {

    public static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        err.println(commandLine.getColorScheme().errorText("bluelight " + commandLine.getCommandName() + ": " + message));
        if (isAnticipated(e)) {
            String said = message;
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                // Messages often repeat their cause's; print only what adds something.
                if (cause.getMessage() == null || !said.contains(cause.getMessage())) {
                    err.println("  caused by: " + cause);
                    said = said + cause;
                }
            }
        } else {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean isAnticipated(Exception e) {
        return e instanceof LocalStackException
                || e instanceof LocalKafkaBrokerException
                || e instanceof TopicProvisioningException
                || e instanceof KafkaException
                || e instanceof IOException;
    }
}
