package org.bluelight.ops.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class BrokerRequestErrorFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final BrokerRequestErrorFilter filter = new BrokerRequestErrorFilter();

    @Test
    void theBrokersAppendErrorsStayOffTheConsole() {
        assertThat(filter.decide(event(BrokerRequestErrorFilter.LOGGER))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherErrorReachesTheConsole() {
        assertThat(filter.decide(event("org.bluelight.ops.local.LocalStack"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event("kafka.server.KafkaRaftServer"))).isEqualTo(FilterReply.NEUTRAL);
    }

    private LoggingEvent event(String logger) {
        return new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.ERROR, "append failed", null, null);
    }
}
