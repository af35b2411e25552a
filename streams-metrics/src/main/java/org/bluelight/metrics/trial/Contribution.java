package org.bluelight.metrics.trial;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one record (an incident or a crime record) adds to the trial counts: one to each of its
 * outcomes on its trial day, in every hot spot whose patrol areas contain it.
 */
public record Contribution(List<String> hotSpotIds, LocalDate trialDay, Set<Outcome> outcomes) {

    public Contribution {
        hotSpotIds = hotSpotIds.stream().sorted().distinct().toList();
        Objects.requireNonNull(trialDay, "trialDay");
        outcomes = outcomes.isEmpty() ? EnumSet.noneOf(Outcome.class) : EnumSet.copyOf(outcomes);
    }

    /** True when the record counts nowhere (outside every hot spot, or in no outcome). */
    public boolean isEmpty() {
        return hotSpotIds.isEmpty() || outcomes.isEmpty();
    }
}
