package org.bluelight.routing.profile;

/**
 * Speeds for one OSM road class, in mph as UK signs are.
 *
 * @param defaultUrbanMph  the UK limit assumed when a road in a built-up area has no maxspeed tag
 * @param defaultRuralMph  the UK limit assumed outside built-up areas
 * @param roadTypeFactor   the officer-selection paper's road weighting: the share of the limit that traffic on this road type
 *                         achieves under normal conditions (0..1]
 * @param emergencyCapMph  the fastest that blue-light driving is taken to be on this road type
 * @param vanMaxMph        the legal limit for vans on this road type, or 0 when the car limit applies
 */
public record RoadClassSpeeds(double defaultUrbanMph, double defaultRuralMph, double roadTypeFactor,
                              double emergencyCapMph, double vanMaxMph) {

    public RoadClassSpeeds {
        if (defaultUrbanMph <= 0 || defaultRuralMph <= 0 || emergencyCapMph <= 0 || vanMaxMph < 0)
            throw new IllegalArgumentException("road class speeds must be positive");
        if (!(roadTypeFactor > 0 && roadTypeFactor <= 1))
            throw new IllegalArgumentException("roadTypeFactor must be in (0, 1], was " + roadTypeFactor);
    }
}
