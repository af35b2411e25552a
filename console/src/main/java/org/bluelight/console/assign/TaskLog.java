package org.bluelight.console.assign;

import org.bluelight.schemas.TaskDecision;

/** Where dispatchers' answers to move-ups and patrol tasks go: the cad.task-decisions topic, keyed by officer id. */
public interface TaskLog {

    /** Writes {@code decision} and returns once the broker has it (acks=all). */
    void publish(TaskDecision decision) throws Exception;
}
