package org.bluelight.dispatch.stream;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * {@code dispatch.commit.on.incident}: whether the incident's two hops (the router's group event, the desk's
 * recommendation) ask Kafka Streams for a commit as soon as they are written, instead of waiting for
 * {@code commit.interval.ms}. Only a live record does, one timestamped within {@link #LIVE} of the wall clock: a
 * commit blocks the stream thread (a few ms on a quiet broker, 10-30 ms on a loaded machine), so a thread that has
 * fallen behind, or a task catching up on a backlog after a restart, commits at the interval, not after every
 * incident (Kafka Streams also halves the records it processes between commits after each commit). On the loaded
 * machine (load 5-20) runs that committed after every incident fell further behind than runs without.
 */
record CommitOnIncident(boolean enabled) {

    /** The low-latency goal: an incident this late is past it, and its commit would only slow the ones behind it. */
    static final Duration LIVE = Duration.ofMillis(100);
    static final CommitOnIncident OFF = new CommitOnIncident(false);

    /** Asks for a commit once the record that passed an incident on is done, if enabled and the record is live. */
    void requestAfter(ProcessorContext<?, ?> context, long recordTimestamp) {
        if (enabled && context.currentSystemTimeMs() - recordTimestamp <= LIVE.toMillis()) {
            context.commit();
        }
    }
}
