package org.bluelight.runtime.deadletter;

import java.util.Locale;

/** Where in the pipeline a record was found bad. */
public enum Stage {
    /** The input bytes could not be read as the topic's contract. */
    DESERIALIZATION,
    /** Topology code decided the (readable) record is invalid, see {@link Result#invalid}. */
    VALIDATION,
    /** A processor threw while handling the record. */
    PROCESSING,
    /** An output record could not be serialized or written. */
    PRODUCTION;

    /** Lower-case name used in headers and metric tags. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
