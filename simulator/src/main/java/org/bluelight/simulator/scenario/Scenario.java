package org.bluelight.simulator.scenario;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A synthetic force and its demand: everything a simulation run needs besides the road map. Read from YAML by
 * {@link ScenarioFile}; the same scenario and seed give the same force and the same incidents.
 *
 * @param map the map the scenario is laid out on: {@code andorra} (the bundled extract) or
 *     {@code county-SEED} (the routing module's generated county); {@code --osm} overrides it
 * @param startDate the first simulated day (local midnight in {@code timeZone})
 * @param timeOnScene how long units stay at an incident
 * @param prisonerProcessing how long a double crew is busy at custody after an arrest, travel excluded
 * @param callHandling per grade, how long from the call being answered until the dispatch group can assign a unit
 *     (the contact officer's triage and the log reaching the dispatcher); a grade not listed is handed over at once
 */
public record Scenario(String name, String map, long seed, LocalDate startDate, ZoneId timeZone,
                       List<DispatchGroupSpec> dispatchGroups, List<StationSpec> stations,
                       List<CustodySuiteSpec> custodySuites, FleetSpec fleet, ShiftSpec shifts, DemandSpec demand,
                       MinutesDistribution timeOnScene, MinutesDistribution prisonerProcessing,
                       Map<Integer, MinutesDistribution> callHandling) {

    public Scenario {
        ScenarioException.require(name != null && !name.isBlank(), "name is required");
        ScenarioException.require(map != null && !map.isBlank(), "map is required (andorra or county-SEED)");
        ScenarioException.require(startDate != null, "startDate is required");
        ScenarioException.require(timeZone != null, "timeZone is required");
        ScenarioException.require(dispatchGroups != null && !dispatchGroups.isEmpty(), "dispatchGroups needs at least one group");
        ScenarioException.require(stations != null && !stations.isEmpty(), "stations needs at least one station");
        ScenarioException.require(custodySuites != null && !custodySuites.isEmpty(), "custodySuites needs at least one suite");
        ScenarioException.require(fleet != null && shifts != null && demand != null && timeOnScene != null
                && prisonerProcessing != null, "fleet, shifts, demand, timeOnScene and prisonerProcessing are required");
        dispatchGroups = List.copyOf(dispatchGroups);
        stations = List.copyOf(stations);
        custodySuites = List.copyOf(custodySuites);
        callHandling = callHandling == null ? Map.of() : Map.copyOf(callHandling);
        callHandling.keySet().forEach(g -> ScenarioException.require(g >= 1 && g <= 4, "callHandling: grade " + g + " is not 1..4"));
        Set<String> areas = new HashSet<>();
        for (DispatchGroupSpec group : dispatchGroups) {
            for (AreaSpec area : group.areas()) {
                ScenarioException.require(areas.add(area.id()), "area " + area.id() + " appears twice");
            }
        }
        for (StationSpec station : stations) {
            ScenarioException.require(areas.contains(station.area()), "station " + station.id() + " is in unknown area " + station.area());
        }
        ScenarioException.require(stations.stream().mapToInt(StationSpec::units).sum() > 0, "stations hold no units");
        for (String pattern : fleet.shiftPatterns().keySet()) {
            shifts.pattern(pattern);
        }
        for (String area : demand.areaWeights().keySet()) {
            ScenarioException.require(areas.contains(area), "demand.areaWeights names unknown area " + area);
        }
    }

    /** The first simulated instant: local midnight of {@code startDate}. */
    public Instant start() {
        return startDate.atStartOfDay(timeZone).toInstant();
    }

    public boolean startsOnMonday() {
        return startDate.getDayOfWeek() == DayOfWeek.MONDAY;
    }

    public int unitCount() {
        return stations.stream().mapToInt(StationSpec::units).sum();
    }

    public Optional<AreaSpec> area(String id) {
        return dispatchGroups.stream().flatMap(g -> g.areas().stream()).filter(a -> a.id().equals(id)).findFirst();
    }

    /** The dispatch group serving an area. */
    public String groupOf(String areaId) {
        return dispatchGroups.stream().filter(g -> g.areas().stream().anyMatch(a -> a.id().equals(areaId)))
                .map(DispatchGroupSpec::id).findFirst()
                .orElseThrow(() -> new ScenarioException("no dispatch group serves area " + areaId));
    }

    public List<AreaSpec> areas() {
        return dispatchGroups.stream().flatMap(g -> g.areas().stream()).toList();
    }

    /** The same scenario with another seed, e.g. for another replication. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, map, newSeed, startDate, timeZone, dispatchGroups, stations, custodySuites, fleet, shifts,
                demand, timeOnScene, prisonerProcessing, callHandling);
    }

    /** The same scenario with demand scaled to another weekly volume. */
    public Scenario withIncidentsPerWeek(double perWeek) {
        DemandSpec d = demand;
        return new Scenario(name, map, seed, startDate, timeZone, dispatchGroups, stations, custodySuites, fleet, shifts,
                new DemandSpec(perWeek, d.grades(), d.hourOfDay(), d.dayOfWeek(), d.hotSpots(), d.hotSpotShare(),
                        d.areaWeights(), d.categories(), d.arrestShare(), d.twoOfficerShare(), d.phoneResolutionMinutes(),
                        d.people()),
                timeOnScene, prisonerProcessing, callHandling);
    }

    /** The same scenario with another share of vehicle shifts crewed. */
    public Scenario withCrewedShare(double share) {
        return new Scenario(name, map, seed, startDate, timeZone, dispatchGroups, stations, custodySuites,
                fleet.withCrewedShare(share), shifts, demand, timeOnScene, prisonerProcessing, callHandling);
    }

    /** The same scenario with other call-handling times per grade. */
    public Scenario withCallHandling(Map<Integer, MinutesDistribution> value) {
        return new Scenario(name, map, seed, startDate, timeZone, dispatchGroups, stations, custodySuites, fleet, shifts,
                demand, timeOnScene, prisonerProcessing, value);
    }

    /**
     * The same force with another crew mix and head count: {@code officersScale} times today's officers, paired so
     * that {@code doubleCrewShare} of the crews are double. Officers = crews x (1 + double share), so with the same
     * officers a higher double share means fewer crews; each station's call signs are scaled to match (the West
     * Midlands study's experiment: crew mix 10-100% at 100-140% of today's crews).
     */
    public Scenario withCrewing(double doubleCrewShare, double officersScale) {
        ScenarioException.require(officersScale > 0, "the officers scale must be positive");
        double crewsScale = officersScale * (1 + fleet.doubleCrewShare()) / (1 + doubleCrewShare);
        List<StationSpec> scaled = stations.stream().map(s -> new StationSpec(s.id(), s.area(), s.location(),
                (int) Math.round(s.units() * crewsScale))).toList();
        return new Scenario(name, map, seed, startDate, timeZone, dispatchGroups, scaled, custodySuites,
                fleet.withDoubleCrewShare(doubleCrewShare), shifts, demand, timeOnScene, prisonerProcessing, callHandling);
    }
}
