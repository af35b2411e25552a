package org.bluelight.metrics.trial;

/**
 * The trial's outcome measures (the Thames Valley Police hot-spot trial protocol): two primary,
 * eight secondary. One crime can count in several.
 */
public enum Outcome {
    VIOLENT_CRIME,
    VIOLENT_AND_SEXUAL,
    ALL_CRIME,
    MOST_SERIOUS_VIOLENCE,
    SEXUAL_ASSAULT,
    KNIFE_ENABLED,
    ACQUISITIVE,
    ALL_EXCLUDING_POLICE_INITIATED,
    POSSESSION_OF_WEAPONS,
    POSSESSION_OF_DRUGS
}
