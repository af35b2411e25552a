package org.bluelight.coverage.reach;

/** Whether an officer's reach must be searched again, and why. */
public enum ReachDecision {
    /** Nothing that shapes the reach has changed: keep the cells. */
    KEEP(false),
    /** Came on duty, or the first position or status of an on-duty officer. */
    ON_DUTY(true),
    /** Transport or driving standard changed. */
    PROFILE_CHANGED(true),
    /** Moved further than the threshold from where the reach was computed. */
    MOVED(true),
    /** Moved onto another road node, which can open a different part of the network. */
    ROAD_NODE_CHANGED(true),
    /** Off duty, or no longer placeable: the officer covers nothing. */
    CLEAR(false);

    private final boolean search;

    ReachDecision(boolean search) {
        this.search = search;
    }

    /** True when the decision needs a reachability search. */
    public boolean search() {
        return search;
    }
}
