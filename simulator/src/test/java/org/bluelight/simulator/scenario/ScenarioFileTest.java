package org.bluelight.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    @Test
    void presetsLoadWithTheDocumentedFigures() {
        Scenario andorra = ScenarioFile.load("andorra");
        assertThat(andorra.map()).isEqualTo("andorra");
        assertThat(andorra.fleet().doubleCrewShare()).isEqualTo(0.58);
        assertThat(andorra.shifts().breakMinutes()).isEqualTo(40);
        assertThat(andorra.timeOnScene().medianMinutes()).isEqualTo(75);
        assertThat(andorra.demand().categories()).containsKeys(
                org.bluelight.schemas.IncidentCategory.VIOLENCE_WITH_INJURY, org.bluelight.schemas.IncidentCategory.SEXUAL_OFFENCE,
                org.bluelight.schemas.IncidentCategory.POSSESSION_OF_WEAPONS, org.bluelight.schemas.IncidentCategory.POSSESSION_OF_DRUGS);

        Scenario westMidlands = ScenarioFile.load("west-midlands");
        assertThat(westMidlands.unitCount()).isEqualTo(164);
        assertThat(westMidlands.demand().incidentsPerWeek()).isEqualTo(4740);
        assertThat(westMidlands.dispatchGroups()).hasSize(3);
        // Document 003: four custody blocks; not every vehicle is crewed on every shift; calls take time to reach the RAD.
        assertThat(westMidlands.custodySuites()).hasSize(4);
        assertThat(westMidlands.fleet().crewedShare()).isBetween(0.5, 0.99);
        assertThat(westMidlands.callHandling()).containsKeys(1, 2);
        assertThat(andorra.fleet().crewedShare()).isEqualTo(1.0);
        assertThat(andorra.callHandling()).isEmpty();
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        String yaml = new String(readPreset(), StandardCharsets.UTF_8).replace("seed:", "sede: 1\nseed:");
        assertThatThrownBy(() -> ScenarioFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("sede");
    }

    @Test
    void aMissingRequiredKeyIsAnErrorNamingIt() {
        String yaml = new String(readPreset(), StandardCharsets.UTF_8).replace("seed:", "# seed:");
        assertThatThrownBy(() -> ScenarioFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("at seed");
    }

    @Test
    void anImpossibleValueIsAnErrorSayingWhy() {
        String yaml = new String(readPreset(), StandardCharsets.UTF_8)
                .replace("doubleCrewShare: 0.58", "doubleCrewShare: 1.58");
        assertThatThrownBy(() -> ScenarioFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("fleet.doubleCrewShare");
    }

    @Test
    void aStationInAnUnknownAreaIsAnError() {
        String yaml = new String(readPreset(), StandardCharsets.UTF_8).replace("area: ORDINO", "area: NOWHERE");
        assertThatThrownBy(() -> ScenarioFile.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("unknown area NOWHERE");
    }

    @Test
    void aMissingFileThatIsNoPresetIsAnError() {
        assertThatThrownBy(() -> ScenarioFile.load("no-such-scenario.yaml"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("presets: andorra, west-midlands");
    }

    private static byte[] readPreset() {
        try (var in = ScenarioFile.class.getResourceAsStream("/org/bluelight/simulator/scenario/andorra.yaml")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
