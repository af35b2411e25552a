package org.bluelight.coverage.demand;

import org.bluelight.coverage.cell.CellIncident;

/** What one incident event means for demand. */
public sealed interface DemandDecision {

    /** Count the incident in its cell's demand, or take it out again. */
    record Apply(CellIncident change) implements DemandDecision {
    }

    /** Valid, but no demand: a grade 3–4 incident never counted, no location yet, off the road network. */
    record Ignore(String reason) implements DemandDecision {
    }

    /** Not a valid incident; goes to the dead-letter topic with the reason. */
    record Reject(String reason) implements DemandDecision {
    }
}
