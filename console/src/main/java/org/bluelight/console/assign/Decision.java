package org.bluelight.console.assign;

import org.apache.avro.specific.SpecificRecord;

/** The console's answer to a dispatcher's request: an assignment, a stand-down, a unit's status or a task decision. */
public sealed interface Decision {

    /**
     * Written to its topic: an {@code Assignment} to cad.assignments, an {@code OfficerStatus} to officer.status, a
     * {@code TaskDecision} to cad.task-decisions.
     */
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
