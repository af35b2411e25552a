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
 */
public record FleetSpec(double doubleCrewShare, Map<DrivingStandard, Double> drivingStandards,
                        Map<Transport, Double> transports, Map<String, Double> shiftPatterns) {

    public FleetSpec {
        ScenarioException.require(doubleCrewShare >= 0 && doubleCrewShare <= 1, "fleet.doubleCrewShare must be in 0..1");
        drivingStandards = Weights.check("fleet.drivingStandards", drivingStandards);
        transports = Weights.check("fleet.transports", transports);
        shiftPatterns = Weights.check("fleet.shiftPatterns", shiftPatterns);
    }
}
