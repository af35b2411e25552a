package org.bluelight.ops.local;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the broker's per-request append errors off the console (they stay in the log file): the
 * broker answers each one to its client, which retries (as exactly-once producers do for a
 * transient out-of-order sequence at start-up) or logs an error of its own.
 */
public final class BrokerRequestErrorFilter extends Filter<ILoggingEvent> {

    static final String LOGGER = "kafka.server.ReplicaManager";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return LOGGER.equals(event.getLoggerName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
