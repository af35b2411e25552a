package org.bluelight.dispatch.ranking;

/** One part of a candidate's score, in seconds; negative favours the candidate. */
public record ScorePart(String name, double seconds) {
}
