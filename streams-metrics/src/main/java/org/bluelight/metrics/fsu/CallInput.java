package org.bluelight.metrics.fsu;

/**
 * What reaches a call's record, keyed by incident id: the call's facts, or a resource engaged on or
 * released from it. Exactly one is set.
 */
public record CallInput(CallRecord.Facts facts, ResourceEvent resource) {

    public static CallInput facts(CallRecord.Facts facts) {
        return new CallInput(facts, null);
    }

    public static CallInput resource(ResourceEvent resource) {
        return new CallInput(null, resource);
    }

    public CallRecord applyTo(CallRecord call) {
        return facts != null ? call.withFacts(facts) : call.with(resource);
    }
}
