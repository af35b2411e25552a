package org.bluelight.routing.traffic;

/** Where a traffic factor applies, from GraphHopper's urban density of each road. */
public enum Area {
    URBAN, RURAL, ANY
}
