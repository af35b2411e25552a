package org.bluelight.routing.eta;

/** The ETA of one origin, or why there is none. */
public sealed interface EtaResult permits Eta, EtaFailure {

    String originId();
}
