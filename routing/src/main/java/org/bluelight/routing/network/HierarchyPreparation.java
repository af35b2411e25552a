package org.bluelight.routing.network;

import java.time.Duration;

/**
 * One contraction hierarchy made ready for ETAs.
 *
 * @param name      speed model, traffic band and a hash of the weighting's model
 * @param loaded    true when read from the graph cache, false when prepared now
 * @param time      how long loading or preparing took
 * @param shortcuts shortcut edges added by the contraction
 * @param bytes     storage of levels and shortcuts
 */
public record HierarchyPreparation(String name, boolean loaded, Duration time, int shortcuts, long bytes) {
}
