package org.bluelight.dispatch.candidate;

import java.util.List;

/**
 * The prospects to route, nearest first, or why there are none.
 *
 * @param emptyReason plain-English reason when {@code prospects} is empty, else null
 */
public record Shortlist(List<Prospect> prospects, String emptyReason) {

    public Shortlist {
        prospects = List.copyOf(prospects);
    }
}
