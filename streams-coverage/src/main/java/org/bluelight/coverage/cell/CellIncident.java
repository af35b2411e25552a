package org.bluelight.coverage.cell;

import java.time.Instant;

/**
 * A grade 1–2 incident placed in a cell's demand ({@code counted}) or taken out of it again
 * (cancelled, or regraded to 3–4).
 */
public record CellIncident(long cell, String incidentId, Instant reportedAt, boolean counted) implements CellSignal {
}
