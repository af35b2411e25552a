package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.schemas.SafeguardingTheme;

/**
 * The latest ranking run's top lists, for the HTTP endpoint. Filtering by home area or theme
 * does not recompute ranks (as in the frequent-service-users method): people keep their overall rank.
 */
public final class FsuBoard {

    /** One listed person: pseudonymous id only, never a name. */
    public record Listed(int rank, String personId, double metric, Map<Metric, Double> metrics, String homeArea,
                         List<SafeguardingTheme> themes, Map<FsuTotal, Double> totals) {
    }

    /** A ranking run's result. */
    public record Snapshot(Instant asOf, long people, Map<Metric, List<Listed>> top) {
    }

    private volatile Snapshot snapshot = new Snapshot(null, 0, new EnumMap<>(Metric.class));

    public void publish(Snapshot next) {
        snapshot = next;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The top list of one metric, optionally filtered. */
    public List<Listed> top(Metric metric, Optional<String> homeArea, Optional<SafeguardingTheme> theme) {
        return snapshot.top().getOrDefault(metric, List.of()).stream()
                .filter(listed -> homeArea.map(area -> area.equals(listed.homeArea())).orElse(true))
                .filter(listed -> theme.map(t -> listed.themes().contains(t)).orElse(true))
                .toList();
    }
}
