package org.bluelight.console.assign;

import org.bluelight.schemas.OfficerStatus;

/** Where status changes made at the console go: the officer.status topic, keyed by officer id. */
public interface StatusLog {

    /** Writes {@code status} and returns once the broker has it (acks=all). */
    void publish(OfficerStatus status) throws Exception;
}
