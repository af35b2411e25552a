package org.bluelight.console.assign;

import org.apache.avro.specific.SpecificRecord;

/** The console's answer to a dispatcher's request: an assignment, a stand-down or a unit's status. */
public sealed interface Decision {

    /** Written to its topic: an {@code Assignment} to cad.assignments, an {@code OfficerStatus} to officer.status. */
    record Published(SpecificRecord record) implements Decision {
    }

    /**
     * Not published, with a message for the dispatcher.
     *
     * @param status the HTTP status that fits: 400 bad request, 403 not allowed, 404 unknown, 409 conflict
     */
    record Refused(int status, String message) implements Decision {
    }
}
