package org.bluelight.simulator.force;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.bluelight.routing.GeoPoint;
import org.bluelight.schemas.DrivingStandard;
import org.bluelight.schemas.Transport;
import org.bluelight.simulator.map.MapPlaces;
import org.bluelight.simulator.sampling.WeightedChoice;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioException;
import org.bluelight.simulator.scenario.StationSpec;

/** The units of a scenario, the same for the same seed: call signs per station, crews, drivers, transport, shifts. */
public record Force(List<Unit> units) {

    private static final long SALT = 0x5EED_F0CEL;

    public Force {
        units = List.copyOf(units);
    }

    /**
     * Builds the force. Exactly {@code round(doubleCrewShare * units)} units are double-crewed (chosen at random),
     * so the share holds for small forces too; other attributes are drawn by weight.
     */
    public static Force build(Scenario scenario, MapPlaces places) {
        SplittableRandom random = new SplittableRandom(scenario.seed() ^ SALT);
        int total = scenario.unitCount();
        List<Boolean> doubles = new ArrayList<>();
        long doubleCount = Math.round(scenario.fleet().doubleCrewShare() * total);
        for (int i = 0; i < total; i++) {
            doubles.add(i < doubleCount);
        }
        Collections.shuffle(doubles, new java.util.Random(random.nextLong()));
        WeightedChoice<DrivingStandard> standards = new WeightedChoice<>(scenario.fleet().drivingStandards());
        WeightedChoice<Transport> transports = new WeightedChoice<>(scenario.fleet().transports());
        WeightedChoice<String> patterns = new WeightedChoice<>(scenario.fleet().shiftPatterns());
        List<Unit> units = new ArrayList<>();
        int index = 0;
        for (StationSpec station : scenario.stations()) {
            GeoPoint home = places.onRoad(station.location()).orElseThrow(() -> new ScenarioException(
                    "station " + station.id() + " at " + station.location() + " is not near a road on this map"));
            String group = scenario.groupOf(station.area());
            for (int n = 1; n <= station.units(); n++) {
                Transport transport = transports.draw(random);
                DrivingStandard standard = transport.equals(Transport.FOOT) || transport.equals(Transport.BICYCLE)
                        ? DrivingStandard.BASIC : standards.draw(random);
                String callSign = String.format(Locale.ROOT, "%s%02d", station.id(), n);
                units.add(new Unit("U-" + callSign, callSign, group, station.id(), station.area(), home,
                        doubles.get(index++) ? 2 : 1, standard, transport, scenario.shifts().pattern(patterns.draw(random))));
            }
        }
        return new Force(units);
    }

    public double doubleCrewShare() {
        return units.isEmpty() ? 0 : units.stream().filter(Unit::doubleCrewed).count() / (double) units.size();
    }
}
