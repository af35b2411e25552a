package org.bluelight.coverage.reach;

import java.util.Objects;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;

/** What decides how far an officer gets on a grade 1 response: how they travel and may drive. */
public record ReachProfile(Transport transport, DrivingStandard drivingStandard) {

    public ReachProfile {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(drivingStandard, "drivingStandard");
    }
}
