package org.bluelight.coverage.reach;

import java.time.Duration;
import org.bluelight.coverage.cell.Position;

/** A road node an officer can reach, and how long it takes. */
public record ReachedNode(Position position, Duration travelTime) {
}
