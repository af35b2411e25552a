package org.bluelight.dispatch.travel;

import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;

/**
 * How a unit travels to one incident.
 *
 * @param emergency blue lights and sirens: only standard and advanced drivers, only on grade 1,
 *     only in a motor vehicle
 */
public record TravelMode(Transport transport, DrivingStandard drivingStandard, boolean emergency) {

    /** The mode the domain rules allow a unit for an incident of the given grade. */
    public static TravelMode forResponse(Transport transport, DrivingStandard standard, int grade) {
        boolean motorised = transport != Transport.FOOT && transport != Transport.BICYCLE;
        boolean emergency = grade == 1 && motorised && standard != DrivingStandard.BASIC;
        return new TravelMode(transport, standard, emergency);
    }
}
