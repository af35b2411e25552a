package org.bluelight.coverage.reach;

import java.time.Duration;
import org.bluelight.routing.GeoPoint;

/**
 * A road node an officer can reach, and how long it takes.
 *
 * @param nodeId the node's id in the road graph, stable while the graph is loaded
 */
public record ReachedNode(long nodeId, GeoPoint position, Duration travelTime) {
}
