package org.bluelight.dispatch.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluelight.dispatch.desk.DeskLimits;
import org.bluelight.dispatch.rules.DispatchRules;
import org.bluelight.dispatch.travel.TravelTime;
import org.bluelight.dispatch.travel.TravelTimes;
import org.bluelight.routing.GeoPoint;
import org.bluelight.runtime.intake.InputLimits;
import org.junit.jupiter.api.Test;

class IncidentPathWarmUpTest {

    private static final Instant NOW = Instant.parse("2026-12-04T16:00:00Z");
    private static final List<GeoPoint> PLACES = List.of(new GeoPoint(42.50, 1.52), new GeoPoint(42.51, 1.53),
            new GeoPoint(42.52, 1.54), new GeoPoint(42.53, 1.55));

    /** Every unit 90 s away, counting the searches asked for. */
    private static TravelTimes ninetySeconds(AtomicInteger searches) {
        return (target, journeys, departure) -> {
            searches.incrementAndGet();
            Map<String, TravelTime> times = new LinkedHashMap<>();
            journeys.forEach(journey -> times.put(journey.id(), new TravelTime.Reached(90, 1_000)));
            return times;
        };
    }

    @Test
    void everySyntheticIncidentIsRoutedAndRecommendedThroughTheDesk() {
        AtomicInteger searches = new AtomicInteger();
        IncidentPathWarmUp.Outcome outcome = new IncidentPathWarmUp(Duration.ofMinutes(1), 25)
                .run(DispatchRules.defaults(), InputLimits.defaults(), DeskLimits.defaults(), ninetySeconds(searches), PLACES, NOW);

        assertThat(outcome.incidents()).isEqualTo(25);
        assertThat(outcome.recommended()).isEqualTo(25);
        assertThat(searches.get()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void noneRunsNothing() {
        AtomicInteger searches = new AtomicInteger();
        IncidentPathWarmUp.Outcome outcome = IncidentPathWarmUp.NONE
                .run(DispatchRules.defaults(), InputLimits.defaults(), DeskLimits.defaults(), ninetySeconds(searches), PLACES, NOW);

        assertThat(outcome.incidents()).isZero();
        assertThat(searches.get()).isZero();
    }

    @Test
    void refusesANegativeBudgetOrCount() {
        assertThatThrownBy(() -> new IncidentPathWarmUp(Duration.ofMillis(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncidentPathWarmUp(Duration.ofSeconds(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
