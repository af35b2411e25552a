package org.bluelight.runtime.config;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka settings that bound how long a hard-killed instance holds up its work, chosen over Kafka's
 * defaults for every app; each can still be changed with {@code kafka.<key>}. After a {@code kill -9}
 * two things stall the killed instance's partitions: its group membership, until its session times
 * out, and its open transaction, which hides everything after it from read_committed readers until
 * the broker aborts it. With Kafka's defaults that is 45 s and 10-20 s; with these, about 6 s each,
 * in parallel.
 *
 * <ul>
 *   <li>{@code num.standby.replicas=1}: a second instance keeps a warm copy of every store, so taking
 *       over is not a restore from the changelog.</li>
 *   <li>{@code session.timeout.ms=6000} (the broker's default minimum) and {@code heartbeat.interval.ms=1500}:
 *       a killed member leaves the group after 6 s, not 45 s; a restarted one that finds its old
 *       self still in the group waits no longer.</li>
 *   <li>{@code transaction.timeout.ms=5000}: the broker aborts a killed instance's open transaction
 *       5 s after it began (plus its abort sweep, {@code transaction.abort.timed.out.transaction.cleanup.interval.ms},
 *       which the local broker runs every second), instead of 10 s plus a 10 s sweep. A live
 *       transaction lasts one commit interval (100 ms), far below it. An instance restarted on its
 *       state directory keeps its transactional id and fences its old transaction at once.</li>
 *   <li>{@code acceptable.recovery.lag=50} (Kafka's default 10,000) and {@code probing.rebalance.interval.ms=60000}
 *       (10 min): a task stays with the instance that runs it while another instance's copy of its
 *       stores is more than 50 records behind; that instance warms a copy up as a standby, and a
 *       probing rebalance a minute later hands it over warm. With Kafka's default, an instance that
 *       joins with empty stores (a restarted one, whose crashed state was discarded) counts as caught
 *       up for the small stores of a police force and is handed tasks at once: its partner stops
 *       them, and they wait for the joiner's store openings and restore.</li>
 * </ul>
 *
 * <p>The streams rebalance protocol ({@code group.protocol=streams}) is not used: in Kafka 4.3 its
 * session timeout and standby count are group settings on the broker, whose minimum session timeout
 * is 45 s unless the broker is reconfigured, while these client settings work on any broker.
 */
public final class FailoverSettings {

    /** The settings, applied under the {@code kafka.*} overrides. */
    public static final Map<String, String> DEFAULTS = Map.of(
            StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1",
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000",
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1500",
            ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "5000",
            StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, "50",
            StreamsConfig.PROBING_REBALANCE_INTERVAL_MS_CONFIG, "60000");

    private FailoverSettings() {
    }
}
