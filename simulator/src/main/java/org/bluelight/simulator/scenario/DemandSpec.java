package org.bluelight.simulator.scenario;

import java.util.List;
import java.util.Map;
import org.bluelight.schemas.IncidentCategory;

/**
 * Calls for service.
 *
 * @param incidentsPerWeek mean incidents a week (West Midlands: median 4,740)
 * @param grades weight of each grade; grades 1 and 2 are dispatched now, 3 and 4 are resolved by phone or
 *     appointment and closed after {@code phoneResolutionMinutes}
 * @param hourOfDay 24 relative weights, local hour 0 to 23 (low around 06:00, high 22:00 to midnight)
 * @param dayOfWeek 7 relative weights, Monday to Sunday
 * @param hotSpots places of concentrated demand
 * @param hotSpotShare share of incidents in a hot spot; the rest fall in areas, weighted by area weight
 * @param areaWeights relative background demand per area id (an area not listed has weight 1)
 * @param categories weight of each incident category
 * @param arrestShare share of dispatched incidents that end in an arrest (West Midlands: about 255 of 4,740);
 *     an arrest needs a double crew, which takes the prisoner to the nearest custody suite
 * @param twoOfficerShare share of dispatched incidents without an arrest that need two officers
 * @param people caller and subject ids
 */
public record DemandSpec(double incidentsPerWeek, Map<Integer, Double> grades, List<Double> hourOfDay,
                         List<Double> dayOfWeek, List<HotSpotSpec> hotSpots, double hotSpotShare,
                         Map<String, Double> areaWeights, Map<IncidentCategory, Double> categories,
                         double arrestShare, double twoOfficerShare, double phoneResolutionMinutes, PeopleSpec people) {

    public DemandSpec {
        ScenarioException.require(incidentsPerWeek > 0, "demand.incidentsPerWeek must be positive");
        grades = Weights.check("demand.grades", grades);
        grades.keySet().forEach(g -> ScenarioException.require(g >= 1 && g <= 4, "demand.grades: grade " + g + " is not 1..4"));
        ScenarioException.require(hourOfDay != null && hourOfDay.size() == 24, "demand.hourOfDay needs 24 weights");
        ScenarioException.require(dayOfWeek != null && dayOfWeek.size() == 7, "demand.dayOfWeek needs 7 weights (Monday first)");
        hourOfDay = List.copyOf(hourOfDay);
        dayOfWeek = List.copyOf(dayOfWeek);
        ScenarioException.require(hourOfDay.stream().allMatch(w -> w >= 0) && hourOfDay.stream().anyMatch(w -> w > 0),
                "demand.hourOfDay weights must be >= 0, some positive");
        ScenarioException.require(dayOfWeek.stream().allMatch(w -> w >= 0) && dayOfWeek.stream().anyMatch(w -> w > 0),
                "demand.dayOfWeek weights must be >= 0, some positive");
        hotSpots = hotSpots == null ? List.of() : List.copyOf(hotSpots);
        ScenarioException.require(hotSpotShare >= 0 && hotSpotShare <= 1, "demand.hotSpotShare must be in 0..1");
        ScenarioException.require(hotSpotShare == 0 || !hotSpots.isEmpty(), "demand.hotSpotShare > 0 needs hotSpots");
        areaWeights = areaWeights == null ? Map.of() : Map.copyOf(areaWeights);
        categories = Weights.check("demand.categories", categories);
        ScenarioException.require(arrestShare >= 0 && arrestShare <= 1, "demand.arrestShare must be in 0..1");
        ScenarioException.require(twoOfficerShare >= 0 && twoOfficerShare <= 1, "demand.twoOfficerShare must be in 0..1");
        ScenarioException.require(phoneResolutionMinutes > 0, "demand.phoneResolutionMinutes must be positive");
        ScenarioException.require(people != null, "demand.people is required");
    }
}
