package org.bluelight.dispatch.stream;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * {@code dispatch.commit.on.incident}: whether the incident's two hops (the router's group event, the desk's
 * recommendation) ask Kafka Streams for a commit as soon as they are written, instead of waiting for
 * {@code commit.interval.ms}. Only a live record does, one timestamped within {@link #LIVE} of the wall clock: a
 * task catching up on a backlog (after a restart) commits at the interval, not after every incident, as Kafka
 * Streams also halves the records it processes between commits after each commit.
 */
record CommitOnIncident(boolean enabled) {

    static final Duration LIVE = Duration.ofSeconds(10);
    static final CommitOnIncident OFF = new CommitOnIncident(false);

    /** Asks for a commit once the record that passed an incident on is done, if enabled and the record is live. */
    void requestAfter(ProcessorContext<?, ?> context, long recordTimestamp) {
        if (enabled && context.currentSystemTimeMs() - recordTimestamp <= LIVE.toMillis()) {
            context.commit();
        }
    }
}
