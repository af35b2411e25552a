package org.bluelight.routing.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.bluelight.routing.AndorraMap;
import org.junit.jupiter.api.Test;

class SearchWarmUpIT {

    private static final Instant MONDAY_MORNING = Instant.parse("2024-05-06T08:00:00Z");

    private final RoadNetwork network = AndorraMap.network();

    @Test
    void runsItsSearchesOnTheRoadsAndStopsAtTheCount() {
        SearchWarmUp.Outcome outcome = new SearchWarmUp(Duration.ofMinutes(5), 30).run(network, MONDAY_MORNING);

        assertThat(outcome.searches()).isEqualTo(30);
        // Random points in the map's box: many off Andorra's few valleys, but some on them, as origins of real ETAs.
        assertThat(outcome.etas()).isPositive().isLessThanOrEqualTo(30 * SearchWarmUp.ORIGINS);
    }

    @Test
    void stopsAtItsBudget() {
        assertThat(new SearchWarmUp(Duration.ZERO, 1_000).run(network, MONDAY_MORNING).searches()).isZero();
        assertThat(SearchWarmUp.NONE.run(network, MONDAY_MORNING).searches()).isZero();
    }

    @Test
    void refusesNegativeSettings() {
        assertThatThrownBy(() -> new SearchWarmUp(Duration.ofSeconds(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SearchWarmUp(Duration.ofSeconds(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
