package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resource time on one incident, per the frequent-service-users method: for each resource, from the
 * first of assigned, deployed or arrived, to released; summed over resources. A resource sent
 * again after release starts a new stint. A stint still open counts nothing until released,
 * and a release before the start (clock error) counts zero. An update costs constant work however
 * many resources the incident has ({@link StintMap}).
 *
 * @param stints per officer id, their stints in time order
 */
public record ResourceTimeline(Map<String, List<Stint>> stints) {

    /** One unbroken spell of a resource on the incident; {@code end} null while open. */
    public record Stint(Instant start, Instant end) {
    }

    public ResourceTimeline {
        stints = StintMap.copyOf(stints);
    }

    public static ResourceTimeline empty() {
        return new ResourceTimeline(StintMap.empty());
    }

    /** The resource was assigned, deployed (en route) or arrived at this time. */
    public ResourceTimeline engaged(String officerId, Instant at) {
        List<Stint> list = new ArrayList<>(stints.getOrDefault(officerId, List.of()));
        Stint last = list.isEmpty() ? null : list.get(list.size() - 1);
        if (last != null && (last.end() == null || at.isBefore(last.end()))) {
            // The same stint: a marker arriving late may only move its start earlier.
            list.set(list.size() - 1, new Stint(at.isBefore(last.start()) ? at : last.start(), last.end()));
        } else {
            list.add(new Stint(at, null));
        }
        return with(officerId, list);
    }

    /** The resource was released (cleared or stood down) at this time; a release with no open stint changes nothing. */
    public ResourceTimeline released(String officerId, Instant at) {
        List<Stint> list = new ArrayList<>(stints.getOrDefault(officerId, List.of()));
        if (list.isEmpty() || list.get(list.size() - 1).end() != null) {
            return this;
        }
        Stint open = list.get(list.size() - 1);
        list.set(list.size() - 1, new Stint(open.start(), at));
        return with(officerId, list);
    }

    /** Summed hours of all closed stints. */
    public double hours() {
        return ((StintMap) stints).closedMillis() / 3_600_000.0;
    }

    private ResourceTimeline with(String officerId, List<Stint> list) {
        return new ResourceTimeline(((StintMap) stints).with(officerId, list));
    }
}
