package org.bluelight.coverage.demand;

/** A seeded demand file that cannot be read as written: where, and why. */
public final class DemandSeedException extends IllegalArgumentException {

    public DemandSeedException(String source, int lineNumber, String reason) {
        super(source + " line " + lineNumber + ": " + reason);
    }
}
