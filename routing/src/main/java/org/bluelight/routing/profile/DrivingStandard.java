package org.bluelight.routing.profile;

/** Police driving qualification: basic drives at the limit; standard and advanced may drive on blue lights. */
public enum DrivingStandard {
    BASIC, STANDARD, ADVANCED;

    public boolean mayUseBlueLights() {
        return this != BASIC;
    }
}
