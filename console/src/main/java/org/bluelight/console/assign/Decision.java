package org.bluelight.console.assign;

import org.bluelight.schemas.Assignment;

/** The console's answer to an assign or stand-down request. */
public sealed interface Decision {

    /** Published to cad.assignments. */
    record Published(Assignment assignment) implements Decision {
    }

    /**
     * Not published, with a message for the dispatcher.
     *
     * @param status the HTTP status that fits: 400 bad request, 403 not allowed, 404 unknown, 409 conflict
     */
    record Refused(int status, String message) implements Decision {
    }
}
