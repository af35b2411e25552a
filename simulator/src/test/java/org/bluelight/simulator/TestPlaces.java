package org.bluelight.simulator;

import java.util.Optional;
import org.bluelight.simulator.map.MapPlaces;

/** Every point is on a road: for tests of generators that need no real map. */
public final class TestPlaces {

    public static final MapPlaces EVERYWHERE = Optional::of;

    private TestPlaces() {
    }
}
