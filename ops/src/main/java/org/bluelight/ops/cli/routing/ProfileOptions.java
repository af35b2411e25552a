package org.bluelight.ops.cli.routing;

import org.bluelight.routing.UnknownProfileException;
import org.bluelight.routing.profile.DrivingStandard;
import org.bluelight.routing.profile.Transport;
import org.bluelight.routing.profile.TravelProfile;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Travel profile options shared by commands: transport, driving standard and incident grade. */
final class ProfileOptions {

    @Option(names = "--transport", defaultValue = "car", description = "car|van|motorcycle|bicycle|foot (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--driver", defaultValue = "basic", description = "basic|standard|advanced (default: ${DEFAULT-VALUE})")
    String driver;

    @Option(names = "--grade", defaultValue = "2", description = "incident grade; blue lights only on grade 1 (default: ${DEFAULT-VALUE})")
    int grade;

    TravelProfile profile() {
        Transport t = parse(Transport.class, transport, "transport");
        DrivingStandard d = parse(DrivingStandard.class, driver, "driver");
        return TravelProfile.forResponse(t, d, grade);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnknownProfileException(value, "unknown " + what + " '" + value + "'");
        }
    }
}
