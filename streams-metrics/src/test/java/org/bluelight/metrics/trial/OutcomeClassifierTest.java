package org.bluelight.metrics.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.bluelight.schemas.IncidentCategory;
import org.junit.jupiter.api.Test;

class OutcomeClassifierTest {

    private static CrimeFacts crime(IncidentCategory category) {
        return new CrimeFacts(category, true, false, false, false);
    }

    @Test
    void violenceWithInjuryIsViolentAndAllCrime() {
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.VIOLENCE_WITH_INJURY))).containsExactlyInAnyOrder(
                Outcome.VIOLENT_CRIME, Outcome.VIOLENT_AND_SEXUAL, Outcome.ALL_CRIME, Outcome.ALL_EXCLUDING_POLICE_INITIATED);
    }

    @Test
    void sexualOffenceCountsInTheSecondPrimaryOutcomeOnly() {
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.SEXUAL_OFFENCE))).containsExactlyInAnyOrder(
                Outcome.VIOLENT_AND_SEXUAL, Outcome.SEXUAL_ASSAULT, Outcome.ALL_CRIME, Outcome.ALL_EXCLUDING_POLICE_INITIATED);
    }

    @Test
    void knifeRobberyIsAcquisitiveAndKnifeEnabledButNotViolent() {
        CrimeFacts robbery = new CrimeFacts(IncidentCategory.ROBBERY, true, false, true, false);
        assertThat(OutcomeClassifier.classify(robbery)).containsExactlyInAnyOrder(
                Outcome.ACQUISITIVE, Outcome.KNIFE_ENABLED, Outcome.ALL_CRIME, Outcome.ALL_EXCLUDING_POLICE_INITIATED);
    }

    @Test
    void homicideAndFlaggedViolenceAreMostSerious() {
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.HOMICIDE))).contains(Outcome.MOST_SERIOUS_VIOLENCE, Outcome.VIOLENT_CRIME);
        CrimeFacts gbh = new CrimeFacts(IncidentCategory.VIOLENCE_WITH_INJURY, true, true, false, false);
        assertThat(OutcomeClassifier.classify(gbh)).contains(Outcome.MOST_SERIOUS_VIOLENCE);
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.VIOLENCE_WITH_INJURY))).doesNotContain(Outcome.MOST_SERIOUS_VIOLENCE);
    }

    @Test
    void possessionIsPoliceInitiatedAndSeparatedIntoWeaponsAndDrugs() {
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.POSSESSION_OF_WEAPONS)))
                .containsExactlyInAnyOrder(Outcome.ALL_CRIME, Outcome.POSSESSION_OF_WEAPONS);
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.POSSESSION_OF_DRUGS)))
                .containsExactlyInAnyOrder(Outcome.ALL_CRIME, Outcome.POSSESSION_OF_DRUGS);
        CrimeFacts policeFound = new CrimeFacts(IncidentCategory.DRUG_TRAFFICKING, true, false, false, true);
        assertThat(OutcomeClassifier.classify(policeFound)).containsExactly(Outcome.ALL_CRIME);
    }

    @Test
    void nonCrimeAndUnrecordedIncidentsCountNowhere() {
        assertThat(OutcomeClassifier.classify(crime(IncidentCategory.MENTAL_HEALTH))).isEmpty();
        assertThat(OutcomeClassifier.classify(new CrimeFacts(IncidentCategory.VIOLENCE_WITH_INJURY, false, false, false, false))).isEmpty();
    }
}
