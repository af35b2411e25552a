package org.bluelight.simulator.tasking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluelight.simulator.TestPlaces;
import org.bluelight.simulator.scenario.HotSpotSpec;
import org.bluelight.simulator.scenario.Scenario;
import org.bluelight.simulator.scenario.ScenarioFile;
import org.bluelight.simulator.scenario.StationSpec;
import org.junit.jupiter.api.Test;

class TrialSitesTest {

    private final Scenario westMidlands = ScenarioFile.load("west-midlands");

    @Test
    void thirtyFourBusiestCrimePlacesAwayFromStationsAndFromEachOther() {
        List<HotSpotSpec> sites = TrialSites.choose(westMidlands, TestPlaces.EVERYWHERE, TrialSites.TRIAL_HOT_SPOTS);

        assertThat(sites).hasSize(34);
        assertThat(sites).extracting(HotSpotSpec::id).doesNotHaveDuplicates();
        for (HotSpotSpec site : sites) {
            assertThat(westMidlands.stations()).extracting(StationSpec::location)
                    .allMatch(station -> station.metersTo(site.centre()) >= TrialSites.MIN_KM_FROM_STATION * 1000);
            assertThat(sites).filteredOn(other -> other != site)
                    .allMatch(other -> other.centre().metersTo(site.centre()) >= TrialSites.MIN_KM_APART * 1000);
        }
        // Busiest first, and the same places for the same scenario.
        assertThat(sites).extracting(HotSpotSpec::weight).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(sites.get(0).weight()).isGreaterThan(sites.get(33).weight());
        assertThat(TrialSites.choose(westMidlands, TestPlaces.EVERYWHERE, 34)).isEqualTo(sites);
    }
}
