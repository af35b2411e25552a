package org.bluelight.dispatch.backlog;

import java.util.Comparator;

/**
 * The total order of a backlog: grade first (1 before 2), then the time left against the
 * target (the incident nearest to, or furthest past, its target first), then the expected time
 * on scene (shorter first, so more incidents are served), then report time and id to break ties.
 *
 * <p>{@link #sortKey} encodes the same order as a string whose natural order is this order, so a
 * key-value store iterates a backlog head first.
 */
public final class BacklogOrder {

    public static final Comparator<WaitingIncident> HEAD_FIRST = Comparator
            .comparingInt((WaitingIncident w) -> w.incident().grade())
            .thenComparing(WaitingIncident::targetAt)
            .thenComparingInt(WaitingIncident::serviceMinutes)
            .thenComparing(w -> w.incident().reportedAt())
            .thenComparing(WaitingIncident::incidentId);

    private BacklogOrder() {
    }

    public static String sortKey(WaitingIncident waiting) {
        return String.format("%03d|%015d|%09d|%015d|%s",
                waiting.incident().grade(),
                Math.max(0, waiting.targetAt().toEpochMilli()),
                Math.max(0, waiting.serviceMinutes()),
                Math.max(0, waiting.incident().reportedAt().toEpochMilli()),
                waiting.incidentId());
    }
}
