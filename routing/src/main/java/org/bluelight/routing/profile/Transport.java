package org.bluelight.routing.profile;

/** How an officer travels. Motorised transport drives on roads; bicycle and foot also use paths. */
public enum Transport {
    CAR, VAN, MOTORCYCLE, BICYCLE, FOOT;

    public boolean motorised() {
        return this == CAR || this == VAN || this == MOTORCYCLE;
    }
}
