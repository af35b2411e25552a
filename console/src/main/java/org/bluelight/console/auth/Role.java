package org.bluelight.console.auth;

import java.util.Locale;

/** What a console user may do. */
public enum Role {
    /** Works the queue: sees everything live and assigns units. */
    DISPATCHER,
    /** As a dispatcher, plus the supervisor view of KPIs, coverage and alerts. */
    SUPERVISOR,
    /** Reads the trial and frequent-service-user pages; never assigns. */
    ANALYST,
    /** A load balancer or Prometheus: reads /health and /metrics with HTTP Basic; no pages, no form login. */
    MONITOR;

    /** Only dispatchers and supervisors send units. */
    public boolean mayAssign() {
        return this == DISPATCHER || this == SUPERVISOR;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + text + "': dispatcher, supervisor, analyst or monitor");
        }
    }
}
