package org.bluelight.ops.bench.crash;

import java.time.Duration;
import java.util.List;

/**
 * What one hard kill cost.
 *
 * @param victims             the instances killed at once
 * @param failover            whether an instance of the same app kept running (it takes over); otherwise
 *                            every instance of the app was killed and restarted on its state directory
 * @param atMillis            when the kill was sent
 * @param restartedAtMillis   when the killed instances were started again
 * @param latenciesMillis     incident to first recommendation for the incidents published in the 10 s
 *                            after the kill (dispatch failovers only)
 * @param firstRecommendation from the restart to the first recommendation of an incident not recommended before it
 *                            (dispatch restarts only), or null
 * @param lagBack             from the kill until the app was again within 2 s of its input, or null if never
 * @param restarts            the restarted dispatch JVMs' own times, wall clock and CPU (dispatch restarts only, else empty)
 */
public record KillFigures(List<String> victims, String app, boolean failover, long atMillis, long restartedAtMillis,
                   List<Long> latenciesMillis, Duration firstRecommendation, Duration lagBack, List<StartTimes> restarts) {
}
