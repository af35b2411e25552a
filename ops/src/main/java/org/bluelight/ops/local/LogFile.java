package org.bluelight.ops.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the whole log (ours at INFO, Kafka's at WARN, see {@code logback.xml}) to a file in the
 * data dir while it is open, so the console shows only the launcher's own lines and errors.
 */
public final class LogFile implements AutoCloseable {

    private static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    private final FileAppender<ILoggingEvent> appender;

    private LogFile(FileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /** Starts appending to {@code file} (created if missing, appended to if present). */
    public static LogFile open(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("Logging is not Logback (" + LoggerFactory.getILoggerFactory().getClass().getName()
                    + "): cannot write the log to " + file);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("file " + file);
        appender.setFile(file.toAbsolutePath().toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new LogFile(appender);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) appender.getContext();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
