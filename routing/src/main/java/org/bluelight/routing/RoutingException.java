package org.bluelight.routing;

/** Why a route, ETA or reachability query cannot be answered. Never replaced by a made-up value. */
public abstract sealed class RoutingException extends RuntimeException
        permits PointNotRoutableException, UnreachableException, UnknownProfileException {

    protected RoutingException(String message) {
        super(message);
    }
}
