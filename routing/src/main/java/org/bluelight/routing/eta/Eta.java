package org.bluelight.routing.eta;

/**
 * Quickest travel time and its road distance from an origin to the target.
 *
 * @param etaSeconds  travel time, to the millisecond
 * @param profileName the travel profile used (see {@code TravelProfile.name()})
 * @param trafficBand the traffic band of the departure
 */
public record Eta(String originId, double etaSeconds, double distanceMeters, String profileName, String trafficBand)
        implements EtaResult {
}
