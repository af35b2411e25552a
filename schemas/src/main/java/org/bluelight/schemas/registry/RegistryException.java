package org.bluelight.schemas.registry;

/**
 * A failed call to the schema registry: the HTTP status and the Confluent {@code error_code}
 * it answered with, or {@link #NO_RESPONSE} for both when it could not be reached.
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Status and error code of a call that got no HTTP response (connection failure, timeout). */
    public static final int NO_RESPONSE = -1;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** A subject without a subject-level compatibility setting. */
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int INTERNAL_ERROR = 50001;

    private final int httpStatus;
    private final int errorCode;

    public RegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NO_RESPONSE;
        this.errorCode = NO_RESPONSE;
    }

    /** The HTTP status, or {@link #NO_RESPONSE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent error code (e.g. 40403), or {@link #NO_RESPONSE}. */
    public int errorCode() {
        return errorCode;
    }

    /** Whether the registry answered that the thing asked for does not exist (HTTP 404). */
    public boolean notFound() {
        return httpStatus == 404;
    }

    /**
     * Whether the failure may go away on its own (no response, or a 5xx): the caller should not
     * treat the data it was handling as bad.
     */
    public boolean transientFailure() {
        return httpStatus == NO_RESPONSE || httpStatus >= 500 || httpStatus == 429;
    }
}
