package org.bluelight.metrics.trial;

import java.time.LocalDate;
import java.util.Objects;
import org.bluelight.schemas.TrialArm;

/** The arm of one hot spot on one trial day. */
public record Allocation(LocalDate trialDay, String hotSpotId, TrialArm arm) {

    public Allocation {
        Objects.requireNonNull(trialDay, "trialDay");
        Objects.requireNonNull(arm, "arm");
        if (hotSpotId == null || hotSpotId.isBlank()) {
            throw new IllegalArgumentException("hotSpotId must not be blank");
        }
    }
}
