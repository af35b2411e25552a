package org.bluelight.routing.reach;

import org.bluelight.routing.GeoPoint;

/**
 * A road-graph junction reached by a bounded search.
 *
 * @param nodeId         the graph's node id (stable for one imported graph)
 * @param position       where it is
 * @param seconds        quickest travel time from the origin
 * @param distanceMeters road distance of that quickest path
 */
public record ReachableNode(int nodeId, GeoPoint position, double seconds, double distanceMeters) {
}
