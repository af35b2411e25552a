package org.bluelight.ops.bench.fuzz;

/** The ways a fuzzed record is hostile, as an attacker or a buggy CAD feed would send them. */
public enum HostileKind {
    /** Random bytes of random length. */
    RANDOM_BYTES(true),
    /** A well-formed record behind a magic byte other than 0. */
    WRONG_MAGIC(true),
    /** Magic byte 0 and a schema id the registry never issued. */
    UNKNOWN_SCHEMA_ID(true),
    /** A well-formed record cut short. */
    TRUNCATED_AVRO(true),
    /** A record of another topic's contract, under that contract's own schema id. */
    OTHER_CONTRACT(true),
    /** A good value with no key. */
    NULL_KEY(true),
    /** A key with no value, on a topic where deleting means nothing. */
    TOMBSTONE(true),
    /**
     * The topic's own contract with values no real source sends: empty ids and ids of 100 KB to 1 MB,
     * NaN and out-of-range positions, year 1 and 9999, negative and enormous durations, events of
     * incidents never reported, references to unknown officers and incidents.
     */
    HOSTILE_VALUE(false),
    /** A good record sent again a round later, as a CAD feed retrying would: it must change nothing. */
    DUPLICATE(false),
    /** A plausible record stamped in 1970 or in year 9999. */
    HOSTILE_TIMESTAMP(false);

    private final boolean undecodable;

    HostileKind(boolean undecodable) {
        this.undecodable = undecodable;
    }

    /**
     * True when no app can make sense of the record, so every app reading the topic must dead-letter it;
     * a hostile value may instead be ignored by an app that does not read the field.
     */
    public boolean undecodable() {
        return undecodable;
    }
}
