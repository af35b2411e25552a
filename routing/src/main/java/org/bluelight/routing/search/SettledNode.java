package org.bluelight.routing.search;

/** Receives each node of a tree search once, in order of travel time. */
@FunctionalInterface
public interface SettledNode {

    /**
     * @return false to stop the search
     */
    boolean settled(int node, double weight, long millis, double distanceMeters);
}
