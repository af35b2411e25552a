package org.bluelight.dispatch.travel;

/** The road travel time of one journey, or why there is none. */
public sealed interface TravelTime {

    /** The unit can get there by road in {@code seconds}, covering {@code meters}. */
    record Reached(double seconds, double meters) implements TravelTime {
    }

    /** No route (off the network, disconnected, beyond the search limit); {@code reason} says which. */
    record Unreachable(String reason) implements TravelTime {
    }
}
