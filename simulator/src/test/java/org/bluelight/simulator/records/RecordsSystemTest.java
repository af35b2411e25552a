package org.bluelight.simulator.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bluelight.metrics.intake.InputChecks;
import org.bluelight.metrics.intake.PatrolAreaLimits;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.deadletter.Result;
import org.bluelight.runtime.intake.InputLimits;
import org.bluelight.schemas.CrimePerson;
import org.bluelight.schemas.CrimeRecord;
import org.bluelight.schemas.CrimeRole;
import org.bluelight.schemas.CustodyRecord;
import org.bluelight.schemas.IncidentCategory;
import org.bluelight.simulator.demand.GeneratedIncident;
import org.bluelight.simulator.demand.IncidentGenerator;
import org.bluelight.simulator.scenario.AreaSpec;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.junit.jupiter.api.Test;

class RecordsSystemTest {

    private static final Instant REPORTED = Instant.parse("2024-03-04T21:00:00Z");
    private static final InputChecks CHECKS = new InputChecks(InputLimits.defaults(), PatrolAreaLimits.defaults());

    private final Scenario scenario = ScenarioFile.load("andorra");
    private final RecordsSystem records = new RecordsSystem(new People(scenario), scenario.seed());

    private static GeneratedIncident incident(IncidentCategory category, boolean crime, boolean arrest, List<String> subjects) {
        return new GeneratedIncident("INC-000042", REPORTED, 1, category, crime, false, false, false,
                new GeoPoint(42.5075, 1.5230), "ANDORRA_LA_VELLA", "SOUTH", null, arrest ? 2 : 1, arrest,
                Duration.ofMinutes(75), arrest ? Duration.ofMinutes(150) : Duration.ZERO, "P000003", subjects, List.of());
    }

    @Test
    void aRecordedCrimeNamesItsVictimSuspectsAndTheArrestedOffender() {
        Instant recorded = REPORTED.plus(Duration.ofMinutes(90));
        CrimeRecord crime = records.crime(incident(IncidentCategory.ROBBERY, true, true, List.of("P000001", "P000017")),
                "CR-INC-000042", "INC-000042", recorded).orElseThrow();
        assertThat(crime.getPeople()).extracting(CrimePerson::getPersonId, CrimePerson::getRole).containsExactly(
                tuple("P000003", CrimeRole.VICTIM),
                tuple("P000001", CrimeRole.OFFENDER),
                tuple("P000017", CrimeRole.SUSPECT));
        assertThat(crime.getIncidentId()).isEqualTo("INC-000042");
        assertThat(crime.getCommittedAt()).isEqualTo(REPORTED);
        assertThat(crime.getCreatedAt()).isEqualTo(recorded);
        assertThat(crime.getPreplannedOperation()).isFalse();
        assertThat(crime.getPeople()).allSatisfy(p -> assertThat(p.getHomeArea()).isNotNull());
        assertThat(CHECKS.crime(crime, recorded)).isInstanceOf(Result.Valid.class);
    }

    @Test
    void noCrimeRecordForAnIncidentThatIsNoCrime() {
        assertThat(records.crime(incident(IncidentCategory.MENTAL_HEALTH, false, true, List.of()), "CR-X", "INC-000042",
                REPORTED)).isEmpty();
    }

    @Test
    void aShopliftingCallerIsNotRecordedAsVictim() {
        CrimeRecord crime = records.crime(incident(IncidentCategory.SHOPLIFTING, true, false, List.of("P000009")),
                "CR-INC-000042", "INC-000042", REPORTED).orElseThrow();
        assertThat(crime.getPeople()).extracting(CrimePerson::getPersonId).containsExactly("P000009");
    }

    @Test
    void theArrestedPersonIsTheSameInTheCrimeAndCustodyRecords() {
        GeneratedIncident noSubject = incident(IncidentCategory.PUBLIC_ORDER, true, true, List.of());
        String arrested = records.arrested(noSubject);
        assertThat(records.arrested(noSubject)).isEqualTo(arrested).matches("P\\d{6}");
        CrimeRecord crime = records.crime(noSubject, "CR-1", "INC-000042", REPORTED).orElseThrow();
        assertThat(crime.getPeople()).extracting(CrimePerson::getPersonId).containsExactly(arrested);
        assertThat(records.arrested(incident(IncidentCategory.PUBLIC_ORDER, true, true, List.of("P000005")))).isEqualTo("P000005");
    }

    @Test
    void aCustodyEpisodeArrivesThenIsReleasedWithinTheLegalLimit() {
        Instant arrived = REPORTED.plus(Duration.ofHours(2));
        List<Publication<String, CustodyRecord>> episode = records.custody("CU-INC-000042", "P000001", arrived, false);
        assertThat(episode).hasSize(2);
        CustodyRecord arrival = episode.get(0).value();
        CustodyRecord release = episode.get(1).value();
        assertThat(arrival.getReleasedAt()).isNull();
        assertThat(episode.get(0).at()).isEqualTo(arrived);
        assertThat(release.getReleasedAt()).isAfter(arrived).isBeforeOrEqualTo(arrived.plus(Duration.ofHours(36)));
        assertThat(episode.get(1).at()).isEqualTo(release.getReleasedAt());
        assertThat(arrival.getHomeArea()).isEqualTo(release.getHomeArea()).isEqualTo(records.people().homeArea("P000001"));
        episode.forEach(p -> assertThat(CHECKS.custody(p.value(), p.at())).isInstanceOf(Result.Valid.class));
        assertThat(records.custody("CU-INC-000042", "P000001", arrived, false)).isEqualTo(episode);
    }

    @Test
    void aPersonLivesInOneAreaOfTheScenario() {
        People people = records.people();
        List<String> areas = scenario.areas().stream().map(AreaSpec::id).toList();
        for (int rank = 1; rank <= 50; rank++) {
            String id = IncidentGenerator.person(rank);
            assertThat(people.homeArea(id)).isIn(areas).isEqualTo(new People(scenario).homeArea(id));
        }
    }
}
