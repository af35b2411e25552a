package org.bluelight.dispatch.desk;

import java.time.Instant;
import java.util.List;
import org.bluelight.dispatch.backlog.WaitingIncident;
import org.bluelight.dispatch.recommend.Recommendation;

/** What dispatch publishes as the result of one input. */
public sealed interface DeskOutput {

    /** A new revision of an incident's recommendation. */
    record Recommended(Recommendation recommendation) implements DeskOutput {
    }

    /** A group's backlog changed; {@code entries} is the whole queue, head first. */
    record BacklogChanged(String dispatchGroup, Instant at, List<WaitingIncident> entries) implements DeskOutput {

        public BacklogChanged {
            entries = List.copyOf(entries);
        }
    }
}
