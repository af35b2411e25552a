package org.bluelight.simulator.progress;

/** Receives how far a long task has got. */
@FunctionalInterface
public interface Progress {

    Progress NONE = fraction -> { };

    /** @param fraction 0 to 1 of the current step */
    void update(double fraction);
}
