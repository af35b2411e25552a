package org.bluelight.simulator.scenario;

import java.util.Map;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;

/**
 * How units are crewed and equipped; each unit draws its attributes from these shares.
 *
 * @param doubleCrewShare share of units crewed by two officers (West Midlands: about 0.58)
 * @param drivingStandards weight of each driving standard (the unit's best driver)
 * @param transports weight of each transport
 * @param shiftPatterns weight of each shift pattern, by name
 * @param crewedShare share of a vehicle's shifts that a crew actually works (1 when omitted): the fleet is sized
 *     for full strength, while leave, sickness, training and court take officers away, so not every vehicle is
 *     crewed on every shift (the West Midlands study took crews per shift from its duty-rota system)
 */
public record FleetSpec(double doubleCrewShare, Map<DrivingStandard, Double> drivingStandards,
                        Map<Transport, Double> transports, Map<String, Double> shiftPatterns, Double crewedShare) {

    public FleetSpec {
        ScenarioException.require(doubleCrewShare >= 0 && doubleCrewShare <= 1, "fleet.doubleCrewShare must be in 0..1");
        drivingStandards = Weights.check("fleet.drivingStandards", drivingStandards);
        transports = Weights.check("fleet.transports", transports);
        shiftPatterns = Weights.check("fleet.shiftPatterns", shiftPatterns);
        crewedShare = crewedShare == null ? 1.0 : crewedShare;
        ScenarioException.require(crewedShare > 0 && crewedShare <= 1, "fleet.crewedShare must be in (0, 1]");
    }

    public FleetSpec withCrewedShare(double share) {
        return new FleetSpec(doubleCrewShare, drivingStandards, transports, shiftPatterns, share);
    }

    public FleetSpec withDoubleCrewShare(double share) {
        return new FleetSpec(share, drivingStandards, transports, shiftPatterns, crewedShare);
    }
}
