package org.bluelight.ops.bench.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.bluelight.schemas.ResponseKpi;

/**
 * What a replay leaves behind, for comparing a fast replay with a slow one: the FSU top lists
 * (metrics 1 to 4, as served), everyone's FSU ledger, every hot-spot-day's trial counts, and the
 * latest published KPI of every window.
 *
 * <p>A window's availability means are compared apart from its response figures: they are
 * time-weighted over the status changes the KPI task has seen when it publishes, which depends on
 * how the two input paths interleave, so they may differ between replays by design.
 */
record ReplayFigures(List<JsonNode> fsuTop, Map<String, ?> ledgers, Map<String, ?> hotSpotDays, Map<String, ResponseKpi> kpis) {

    /** Every difference between two replays' figures (empty when equal), and a line on the availability means. */
    record Comparison(List<String> differences, String availability) {

        boolean equal() {
            return differences.isEmpty();
        }
    }

    String sizes() {
        return String.format(Locale.ROOT, "%,d people ranked (as of %s), %,d FSU ledger entries, %,d hot-spot-days, %,d KPI windows",
                fsuTop.isEmpty() ? 0 : fsuTop.get(0).path("people").asLong(), fsuTop.isEmpty() ? "-" : fsuTop.get(0).path("asOf").asText(),
                ledgers.size(), hotSpotDays.size(), kpis.size());
    }

    Comparison compare(ReplayFigures slow) {
        List<String> differences = new ArrayList<>();
        for (int metric = 0; metric < Math.max(fsuTop.size(), slow.fsuTop.size()); metric++) {
            JsonNode fast = metric < fsuTop.size() ? fsuTop.get(metric) : null;
            JsonNode other = metric < slow.fsuTop.size() ? slow.fsuTop.get(metric) : null;
            if (!Objects.equals(fast, other)) {
                differences.add("FSU top list of metric " + (metric + 1) + ": " + fast + " vs " + other);
            }
        }
        compareMaps("FSU ledger entry", ledgers, slow.ledgers, differences);
        compareMaps("hot-spot-day", hotSpotDays, slow.hotSpotDays, differences);
        compareMaps("KPI window (response figures)", responseFigures(kpis), responseFigures(slow.kpis), differences);
        int meansDiffer = 0;
        int meanInOneOnly = 0;
        double largest = 0;
        for (Map.Entry<String, ResponseKpi> entry : kpis.entrySet()) {
            ResponseKpi other = slow.kpis.get(entry.getKey());
            if (other != null) {
                ResponseKpi kpi = entry.getValue();
                if (presentInOneOnly(kpi.getAvailableOfficersMean(), other.getAvailableOfficersMean())
                        || presentInOneOnly(kpi.getBusyOfficersMean(), other.getBusyOfficersMean())) {
                    meanInOneOnly++;
                    continue;
                }
                double difference = Math.max(gap(kpi.getAvailableOfficersMean(), other.getAvailableOfficersMean()),
                        gap(kpi.getBusyOfficersMean(), other.getBusyOfficersMean()));
                if (difference > 0) {
                    meansDiffer++;
                    largest = Math.max(largest, difference);
                }
            }
        }
        return new Comparison(differences, String.format(Locale.ROOT,
                "availability means differ in %,d of %,d windows (largest difference %.3f officers); a mean in one replay only in %,d",
                meansDiffer, kpis.size(), largest, meanInOneOnly));
    }

    /** A mean one replay publishes and the other does not (no officer time observed in the window as of its publication). */
    private static boolean presentInOneOnly(Double a, Double b) {
        return (a == null) != (b == null);
    }

    private static Map<String, List<Object>> responseFigures(Map<String, ResponseKpi> kpis) {
        Map<String, List<Object>> figures = new java.util.HashMap<>();
        kpis.forEach((key, kpi) -> figures.put(key, List.of(kpi.getCount(), String.valueOf(kpi.getMedianSeconds()),
                String.valueOf(kpi.getP90Seconds()), kpi.getTargetSeconds(), kpi.getOnTargetCount(), String.valueOf(kpi.getOnTargetShare()))));
        return figures;
    }

    private static double gap(Double a, Double b) {
        return a == null || b == null ? 0 : Math.abs(a - b);
    }

    private static void compareMaps(String what, Map<String, ?> fast, Map<String, ?> slow, List<String> differences) {
        TreeSet<String> keys = new TreeSet<>(fast.keySet());
        keys.addAll(slow.keySet());
        int shown = 0;
        int count = 0;
        for (String key : keys) {
            if (!Objects.equals(fast.get(key), slow.get(key))) {
                count++;
                if (shown++ < 3) {
                    differences.add(what + " " + key + ": " + fast.get(key) + " vs " + slow.get(key));
                }
            }
        }
        if (count > 3) {
            differences.add("... " + (count - 3) + " more " + what + " differences");
        }
    }
}
