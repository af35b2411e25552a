package org.bluelight.metrics.trial;

import java.util.EnumSet;
import java.util.Set;
import org.bluelight.schemas.IncidentCategory;

/**
 * Decides which trial outcomes a recorded crime counts in, from its category and flags.
 *
 * <table>
 *   <caption>Mapping (a record that is not a recorded crime, or whose category is a non-crime, counts in none)</caption>
 *   <tr><th>outcome</th><th>counted when</th></tr>
 *   <tr><td>all crime</td><td>any crime category: violence, homicide, sexual, robbery, burglary, vehicle, theft,
 *       shoplifting, criminal damage, public order, possession of weapons or drugs, drug trafficking, other crime</td></tr>
 *   <tr><td>violent crime</td><td>VIOLENCE_WITH_INJURY, VIOLENCE_WITHOUT_INJURY, HOMICIDE, or flagged most serious
 *       violence (Home Office "violence against the person"; robbery is acquisitive, as the contract says)</td></tr>
 *   <tr><td>violent and sexual</td><td>violent crime or SEXUAL_OFFENCE</td></tr>
 *   <tr><td>most serious violence</td><td>the most-serious-violence flag, or HOMICIDE</td></tr>
 *   <tr><td>sexual assault</td><td>SEXUAL_OFFENCE</td></tr>
 *   <tr><td>knife-enabled</td><td>the knife-enabled flag, on any crime category</td></tr>
 *   <tr><td>acquisitive</td><td>ROBBERY, BURGLARY, VEHICLE_CRIME, THEFT, SHOPLIFTING</td></tr>
 *   <tr><td>all excluding police-initiated</td><td>all crime unless flagged police-initiated or a possession
 *       offence (weapons or drugs), which the trial names as police-initiated</td></tr>
 *   <tr><td>possession of weapons</td><td>POSSESSION_OF_WEAPONS</td></tr>
 *   <tr><td>possession of drugs</td><td>POSSESSION_OF_DRUGS (trafficking is not possession)</td></tr>
 * </table>
 */
public final class OutcomeClassifier {

    private static final Set<IncidentCategory> CRIME = EnumSet.of(
            IncidentCategory.VIOLENCE_WITH_INJURY, IncidentCategory.VIOLENCE_WITHOUT_INJURY, IncidentCategory.HOMICIDE,
            IncidentCategory.SEXUAL_OFFENCE, IncidentCategory.ROBBERY, IncidentCategory.BURGLARY,
            IncidentCategory.VEHICLE_CRIME, IncidentCategory.THEFT, IncidentCategory.SHOPLIFTING,
            IncidentCategory.CRIMINAL_DAMAGE, IncidentCategory.PUBLIC_ORDER, IncidentCategory.POSSESSION_OF_WEAPONS,
            IncidentCategory.POSSESSION_OF_DRUGS, IncidentCategory.DRUG_TRAFFICKING, IncidentCategory.OTHER_CRIME);
    private static final Set<IncidentCategory> VIOLENT = EnumSet.of(
            IncidentCategory.VIOLENCE_WITH_INJURY, IncidentCategory.VIOLENCE_WITHOUT_INJURY, IncidentCategory.HOMICIDE);
    private static final Set<IncidentCategory> ACQUISITIVE = EnumSet.of(
            IncidentCategory.ROBBERY, IncidentCategory.BURGLARY, IncidentCategory.VEHICLE_CRIME,
            IncidentCategory.THEFT, IncidentCategory.SHOPLIFTING);
    private static final Set<IncidentCategory> POSSESSION = EnumSet.of(
            IncidentCategory.POSSESSION_OF_WEAPONS, IncidentCategory.POSSESSION_OF_DRUGS);

    private OutcomeClassifier() {
    }

    /** The outcomes the crime counts in; empty when it is not a recorded crime. */
    public static Set<Outcome> classify(CrimeFacts facts) {
        IncidentCategory category = facts.category();
        if (!facts.recordedCrime() || !CRIME.contains(category)) {
            return EnumSet.noneOf(Outcome.class);
        }
        Set<Outcome> outcomes = EnumSet.of(Outcome.ALL_CRIME);
        boolean mostSerious = facts.mostSeriousViolence() || category == IncidentCategory.HOMICIDE;
        boolean violent = VIOLENT.contains(category) || mostSerious;
        if (violent) {
            outcomes.add(Outcome.VIOLENT_CRIME);
        }
        if (violent || category == IncidentCategory.SEXUAL_OFFENCE) {
            outcomes.add(Outcome.VIOLENT_AND_SEXUAL);
        }
        if (mostSerious) {
            outcomes.add(Outcome.MOST_SERIOUS_VIOLENCE);
        }
        if (category == IncidentCategory.SEXUAL_OFFENCE) {
            outcomes.add(Outcome.SEXUAL_ASSAULT);
        }
        if (facts.knifeEnabled()) {
            outcomes.add(Outcome.KNIFE_ENABLED);
        }
        if (ACQUISITIVE.contains(category)) {
            outcomes.add(Outcome.ACQUISITIVE);
        }
        if (!facts.policeInitiated() && !POSSESSION.contains(category)) {
            outcomes.add(Outcome.ALL_EXCLUDING_POLICE_INITIATED);
        }
        if (category == IncidentCategory.POSSESSION_OF_WEAPONS) {
            outcomes.add(Outcome.POSSESSION_OF_WEAPONS);
        }
        if (category == IncidentCategory.POSSESSION_OF_DRUGS) {
            outcomes.add(Outcome.POSSESSION_OF_DRUGS);
        }
        return outcomes;
    }
}
