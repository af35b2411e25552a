package org.bluelight.coverage.reach;

import java.util.List;
import java.util.OptionalLong;

/**
 * The result of one reachability search: the road node the officer starts from (empty when the
 * position is off the road network) and every road node reached within the limit.
 */
public record ReachedArea(OptionalLong originNode, List<ReachedNode> nodes) {

    public ReachedArea {
        nodes = List.copyOf(nodes);
    }

    public static ReachedArea offNetwork() {
        return new ReachedArea(OptionalLong.empty(), List.of());
    }
}
