package org.bluelight.dispatch.candidate;

import java.util.OptionalInt;

/** Looks up the current grade of an open incident, to judge whether a crew may be diverted from it. */
@FunctionalInterface
public interface IncidentGrades {

    OptionalInt gradeOf(String incidentId);
}
