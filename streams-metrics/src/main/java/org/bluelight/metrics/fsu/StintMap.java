package org.bluelight.metrics.fsu;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.metrics.fsu.ResourceTimeline.Stint;

/**
 * The stints of a {@link ResourceTimeline} per officer: an immutable map whose one-officer update
 * costs constant work, so a team of n officers costs n steps rather than n copies of a map of n.
 * Each version also carries its closed stints' total, kept as it is updated.
 *
 * <p>Versions share one hash map (Baker's shallow binding): the version last read or written
 * holds it, every other version holds its one-entry difference to a neighbour. Reading another
 * version first moves the hash map to it along those differences, so every version keeps the value
 * it had. Not thread-safe: a timeline belongs to the one stream task updating it.
 */
final class StintMap extends AbstractMap<String, List<Stint>> {

    /** The hash map the versions share, and how many entries have been written to it (the work done). */
    private static final class Shared {
        final HashMap<String, List<Stint>> stints = new HashMap<>();
        long writes;

        List<Stint> write(String officerId, List<Stint> value) {
            writes++;
            return value == null ? stints.remove(officerId) : stints.put(officerId, value);
        }
    }

    /** {@code officerId}'s stints ({@code null}: none) in the version holding this, which {@code neighbour} lacks. */
    private record Difference(String officerId, List<Stint> stints, StintMap neighbour) {
    }

    /** Either the {@link Shared} map (this version is the one it shows) or a {@link Difference}. */
    private Object state;
    private final long closedMillis;

    private StintMap(Object state, long closedMillis) {
        this.state = state;
        this.closedMillis = closedMillis;
    }

    /** A new map each time: versions share their hash map, so no two timelines may start from one instance. */
    static StintMap empty() {
        return new StintMap(new Shared(), 0);
    }

    /** The stints as given, each list made immutable. */
    static StintMap copyOf(Map<String, List<Stint>> stints) {
        if (stints instanceof StintMap own) {
            return own;
        }
        Shared shared = new Shared();
        long closed = 0;
        for (Map.Entry<String, List<Stint>> entry : stints.entrySet()) {
            List<Stint> list = List.copyOf(entry.getValue());
            shared.write(entry.getKey(), list);
            closed += closedMillis(list);
        }
        return new StintMap(shared, closed);
    }

    /** This map with one officer's stints replaced: constant work when this is the version last used. */
    StintMap with(String officerId, List<Stint> stints) {
        Shared shared = current();
        List<Stint> list = List.copyOf(stints);
        List<Stint> before = shared.write(officerId, list);
        long closed = closedMillis + closedMillis(list) - (before == null ? 0 : closedMillis(before));
        StintMap next = new StintMap(shared, closed);
        state = new Difference(officerId, before, next);
        return next;
    }

    /** Summed length of the closed stints; a stint ending before it starts counts zero. */
    long closedMillis() {
        return closedMillis;
    }

    /** Entries written to the hash map this version shares, by updates and by moving between versions. */
    long writes() {
        return current().writes;
    }

    @Override
    public List<Stint> get(Object officerId) {
        return current().stints.get(officerId);
    }

    @Override
    public boolean containsKey(Object officerId) {
        return current().stints.containsKey(officerId);
    }

    @Override
    public int size() {
        return current().stints.size();
    }

    /** A snapshot: reading another version while iterating would otherwise move the shared map underneath. */
    @Override
    public Set<Entry<String, List<Stint>>> entrySet() {
        return Map.copyOf(current().stints).entrySet();
    }

    /** Moves the shared map to this version, undoing the differences on the way, and returns it. */
    private Shared current() {
        Deque<StintMap> path = new ArrayDeque<>();
        StintMap version = this;
        while (version.state instanceof Difference difference) {
            path.push(version);
            version = difference.neighbour();
        }
        Shared shared = (Shared) version.state;
        while (!path.isEmpty()) {
            StintMap next = path.pop();
            Difference difference = (Difference) next.state;
            List<Stint> left = shared.write(difference.officerId(), difference.stints());
            difference.neighbour().state = new Difference(difference.officerId(), left, next);
            next.state = shared;
        }
        return shared;
    }

    private static long closedMillis(List<Stint> stints) {
        long millis = 0;
        for (Stint stint : stints) {
            if (stint.end() != null) {
                millis += Math.max(0, Duration.between(stint.start(), stint.end()).toMillis());
            }
        }
        return millis;
    }
}
