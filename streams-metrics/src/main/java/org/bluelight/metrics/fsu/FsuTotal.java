package org.bluelight.metrics.fsu;

import java.util.EnumSet;
import java.util.Set;

/** The nine totals of the frequent-service-users method (table 1 of the frequent-service-users method) and the metrics each feeds. */
public enum FsuTotal {
    SUSPECT_COUNT(Metric.INVESTIGATIONS_AND_CUSTODY),
    OFFENDER_COUNT(Metric.INVESTIGATIONS_AND_CUSTODY),
    VICTIM_COUNT(Metric.INVESTIGATIONS_AND_CUSTODY),
    CUSTODY_COUNT(Metric.INVESTIGATIONS_AND_CUSTODY),
    CUSTODY_HOURS(Metric.INVESTIGATIONS_AND_CUSTODY),
    ORIGINATOR_CALLS(Metric.ORIGINATOR),
    ORIGINATOR_RESOURCE_HOURS(Metric.ORIGINATOR),
    SUBJECT_CALLS(Metric.SUBJECT),
    SUBJECT_RESOURCE_HOURS(Metric.SUBJECT);

    /** Metrics 1-4; metric 4 (overall) combines all nine totals equally. */
    public enum Metric {
        INVESTIGATIONS_AND_CUSTODY, ORIGINATOR, SUBJECT, OVERALL;

        public Set<FsuTotal> totals() {
            if (this == OVERALL) {
                return EnumSet.allOf(FsuTotal.class);
            }
            Set<FsuTotal> totals = EnumSet.noneOf(FsuTotal.class);
            for (FsuTotal total : FsuTotal.values()) {
                if (total.metric == this) {
                    totals.add(total);
                }
            }
            return totals;
        }

        /** 1-based number of the metric as the document names it. */
        public int number() {
            return ordinal() + 1;
        }
    }

    private final Metric metric;

    FsuTotal(Metric metric) {
        this.metric = metric;
    }
}
