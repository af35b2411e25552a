package org.bluelight.coverage.reach;

/**
 * What a reach depends on: the road node it is searched from, the officer's profile and the departure's traffic
 * band. Officers with equal keys have the same reach, so it is searched once and shared.
 */
public record ReachKey(long roadNode, ReachProfile profile, String trafficBand) {
}
