package org.bluelight.console.assign;

import java.util.concurrent.TimeoutException;
import org.bluelight.schemas.Assignment;

/** Where assignment decisions go: the cad.assignments topic, keyed by incident id. */
public interface AssignmentLog {

    /**
     * Waits until the console's view holds every assignment of {@code incidentId} committed
     * before now (from any console), so a check that follows sees them.
     */
    void catchUp(String incidentId) throws TimeoutException, InterruptedException;

    /** Writes {@code assignment} and returns once the broker has it (acks=all). */
    void publish(Assignment assignment) throws Exception;
}
