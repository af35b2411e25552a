package org.bluelight.runtime.http;

import java.util.Map;

/**
 * A JSON response: a status and a body Jackson can write (records, maps, lists, Avro records via
 * {@link AvroJsonModule}, java.time values as ISO-8601 strings).
 */
public record JsonReply(int status, Object body) {

    public static JsonReply ok(Object body) {
        return new JsonReply(200, body);
    }

    public static JsonReply notFound(String message) {
        return error(404, message);
    }

    public static JsonReply badRequest(String message) {
        return error(400, message);
    }

    /** For a query that cannot be answered now, e.g. state stores are still restoring. */
    public static JsonReply unavailable(String message) {
        return error(503, message);
    }

    /** {@code {"error": message}} with {@code status}. */
    public static JsonReply error(int status, String message) {
        return new JsonReply(status, Map.of("error", message));
    }
}
