package org.bluelight.routing.profile;

import org.bluelight.routing.UnknownProfileException;

import java.util.Locale;

/**
 * How one officer travels on one trip. Emergency (blue-light) driving needs a motorised transport and a
 * standard or advanced driver; foot and bicycle officers have no driving standard (always BASIC).
 */
public record TravelProfile(Transport transport, DrivingStandard standard, boolean emergency) {

    public TravelProfile {
        if (transport == null || standard == null)
            throw new UnknownProfileException(String.valueOf(transport) + "/" + standard, "transport and driving standard are required");
        if (!transport.motorised() && standard != DrivingStandard.BASIC)
            throw new UnknownProfileException(transport + "/" + standard, transport + " has no driving standard; use BASIC");
        if (emergency && !transport.motorised())
            throw new UnknownProfileException(transport + "/emergency", "emergency driving needs a motorised transport, not " + transport);
        if (emergency && !standard.mayUseBlueLights())
            throw new UnknownProfileException(transport + "/" + standard + "/emergency", "a BASIC driver may not drive on blue lights");
    }

    /**
     * The profile for travelling to an incident of the given grade: emergency driving only on grade 1 and only
     * for standard and advanced drivers; on grade 2 and below every driver is routed as basic (DOMAIN.md).
     */
    public static TravelProfile forResponse(Transport transport, DrivingStandard standard, int grade) {
        if (grade < 1)
            throw new IllegalArgumentException("incident grade must be 1 or more, was " + grade);
        if (!transport.motorised())
            return new TravelProfile(transport, DrivingStandard.BASIC, false);
        boolean blueLights = grade == 1 && standard.mayUseBlueLights();
        return new TravelProfile(transport, blueLights ? standard : DrivingStandard.BASIC, blueLights);
    }

    /** Driving at the speed limit, or walking/cycling. */
    public static TravelProfile basic(Transport transport) {
        return new TravelProfile(transport, DrivingStandard.BASIC, false);
    }

    /** Parses a name produced by {@link #name()}, e.g. {@code car-basic}, {@code van-advanced-emergency}, {@code foot}. */
    public static TravelProfile parse(String name) {
        String[] parts = name.trim().toLowerCase(Locale.ROOT).split("-");
        try {
            Transport transport = Transport.valueOf(parts[0].toUpperCase(Locale.ROOT));
            if (!transport.motorised() && parts.length == 1)
                return basic(transport);
            if (parts.length == 2 || (parts.length == 3 && parts[2].equals("emergency")))
                return new TravelProfile(transport, DrivingStandard.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts.length == 3);
        } catch (IllegalArgumentException e) {
            throw new UnknownProfileException(name, "unknown travel profile '" + name + "'");
        }
        throw new UnknownProfileException(name, "unknown travel profile '" + name
                + "'; expected TRANSPORT-STANDARD[-emergency] or foot/bicycle");
    }

    /** A stable name, e.g. {@code car-basic}, {@code car-advanced-emergency}, {@code foot}. */
    public String name() {
        String t = transport.name().toLowerCase(Locale.ROOT);
        if (!transport.motorised())
            return t;
        return t + "-" + standard.name().toLowerCase(Locale.ROOT) + (emergency ? "-emergency" : "");
    }

    /** Profiles that travel at the same speeds share one speed model (standard and advanced drive alike). */
    public SpeedModelKey speedModel() {
        return new SpeedModelKey(transport, emergency);
    }

    @Override
    public String toString() {
        return name();
    }

    /** What determines edge speeds: the transport and whether it drives on blue lights. */
    public record SpeedModelKey(Transport transport, boolean emergency) {
    }
}
