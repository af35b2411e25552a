package org.bluelight.runtime.deadletter;

import java.util.SortedSet;

/** An app would write dead letters to topics that do not exist. */
public final class MissingDeadLetterTopicsException extends IllegalStateException {

    private final SortedSet<String> missing;

    public MissingDeadLetterTopicsException(SortedSet<String> missing) {
        super("Dead-letter topics missing on the cluster: " + missing
                + ". Create them (the local stack provisions them) or set dead.letter.enabled=false.");
        this.missing = missing;
    }

    public SortedSet<String> missing() {
        return missing;
    }
}
