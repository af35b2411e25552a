package org.bluelight.dispatch.desk;

/** Where an open incident stands in dispatch. */
public enum Stage {
    /** Units are recommended and the dispatcher has not assigned yet. */
    RECOMMENDED,
    /** In the backlog: no suitable unit now, or scheduled work (grade 3+). */
    WAITING,
    /** Units are assigned (by CAD or because their status names the incident). */
    ASSIGNED
}
