package org.bluelight.simulator.scenario;

/**
 * Who calls and who calls are about, as pseudonymous ids drawn from a Zipf law so that a few people call often.
 *
 * @param population distinct people ids to draw from
 * @param zipfExponent skew of the draw: 0 uniform, about 1 a few very frequent callers
 * @param subjectShare share of incidents that name a subject (someone the call is about)
 */
public record PeopleSpec(int population, double zipfExponent, double subjectShare) {

    public PeopleSpec {
        ScenarioException.require(population >= 1, "demand.people.population must be >= 1");
        ScenarioException.require(zipfExponent >= 0, "demand.people.zipfExponent must be >= 0");
        ScenarioException.require(subjectShare >= 0 && subjectShare <= 1, "demand.people.subjectShare must be in 0..1");
    }
}
