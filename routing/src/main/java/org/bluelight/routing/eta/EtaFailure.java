package org.bluelight.routing.eta;

import org.bluelight.routing.RoutingException;

/**
 * No ETA for this origin: the origin or target cannot be placed on a road usable by its profile
 * ({@code PointNotRoutableException}) or no path joins them within the search limit ({@code UnreachableException}).
 */
public record EtaFailure(String originId, RoutingException error) implements EtaResult {
}
