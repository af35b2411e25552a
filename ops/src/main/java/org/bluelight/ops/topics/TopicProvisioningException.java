package org.bluelight.ops.topics;

/** Topics could not be read or created (cluster unreachable, not authorized, invalid settings). */
public class TopicProvisioningException extends RuntimeException {

    public TopicProvisioningException(String message) {
        super(message);
    }

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
