package org.bluelight.metrics.response;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bluelight.schemas.ResponseKpi;

/**
 * Publishes the KPIs as Micrometer gauges for Prometheus: per dispatch group, grade and window
 * size, the values of the latest window (by start) that has a KPI. Prometheus names:
 * {@code bluelight_response_count}, {@code bluelight_response_median_seconds},
 * {@code bluelight_response_p90_seconds}, {@code bluelight_response_on_target_share},
 * {@code bluelight_response_target_seconds}, {@code bluelight_response_available_officers_mean},
 * {@code bluelight_response_busy_officers_mean}; tags {@code group}, {@code grade}, {@code window}.
 */
public final class ResponseKpiMeters {

    private final MeterRegistry registry;
    private final Map<String, ResponseKpi> latest = new ConcurrentHashMap<>();

    public ResponseKpiMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(ResponseKpi kpi) {
        String key = kpi.getDispatchGroup() + "|" + kpi.getGrade() + "|" + kpi.getWindowSize();
        ResponseKpi previous = latest.get(key);
        if (previous != null && previous.getWindowStart().isAfter(kpi.getWindowStart())) {
            return; // a late sample for an older window does not replace the current one
        }
        if (latest.put(key, kpi) == null) {
            register(key, kpi);
        }
    }

    private void register(String key, ResponseKpi first) {
        Tags tags = Tags.of("group", first.getDispatchGroup(), "grade", String.valueOf(first.getGrade()),
                "window", first.getWindowSize().name().toLowerCase(java.util.Locale.ROOT));
        Gauge.builder("bluelight.response.count", latest, m -> m.get(key).getCount()).tags(tags)
                .description("Incidents first attended in the latest window").register(registry);
        Gauge.builder("bluelight.response.median.seconds", latest, m -> orNaN(m.get(key).getMedianSeconds())).tags(tags)
                .description("Median response time in the latest window").register(registry);
        Gauge.builder("bluelight.response.p90.seconds", latest, m -> orNaN(m.get(key).getP90Seconds())).tags(tags)
                .description("90th percentile response time in the latest window").register(registry);
        Gauge.builder("bluelight.response.on.target.share", latest, m -> orNaN(m.get(key).getOnTargetShare())).tags(tags)
                .description("Share attended within the grade's target in the latest window").register(registry);
        Gauge.builder("bluelight.response.target.seconds", latest, m -> m.get(key).getTargetSeconds()).tags(tags)
                .description("The grade's attendance target").register(registry);
        Gauge.builder("bluelight.response.available.officers.mean", latest, m -> orNaN(m.get(key).getAvailableOfficersMean())).tags(tags)
                .description("Time-weighted mean of the group's available officers over the latest window").register(registry);
        Gauge.builder("bluelight.response.busy.officers.mean", latest, m -> orNaN(m.get(key).getBusyOfficersMean())).tags(tags)
                .description("Time-weighted mean of the group's on-duty but busy officers over the latest window").register(registry);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
