package org.bluelight.runtime.http;

/** Answers GET requests to one route with JSON, e.g. an interactive query over a state store. */
@FunctionalInterface
public interface QueryHandler {

    /**
     * @throws Exception answered with 500 and the message (and logged); throw only for bugs and
     *                   outages, and answer bad requests with {@link JsonReply#badRequest}
     */
    JsonReply handle(HttpQuery query) throws Exception;
}
