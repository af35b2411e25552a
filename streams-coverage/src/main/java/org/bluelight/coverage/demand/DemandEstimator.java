package org.bluelight.coverage.demand;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Expected grade 1–2 incidents per hour in one cell for the hour of the week that {@code now}
 * falls in.
 *
 * <p>The same hour of the week is looked at in each of the last {@code windowWeeks} weeks. Each
 * incident in one of those hours counts {@code 2^(-age/halfLife)}; the rate is that decayed count
 * divided by the decayed number of hours looked at. Weeks before incidents were first observed
 * are filled with the seeded rate (0 without a seed), so a seed carries a cold start and fades
 * out as real history covers the window.
 */
public final class DemandEstimator {

    private final DemandSettings settings;

    public DemandEstimator(DemandSettings settings) {
        this.settings = settings;
    }

    public DemandSettings settings() {
        return settings;
    }

    /** Incidents reported before this are outside the window for any estimate at {@code now}. */
    public Instant windowStart(Instant now) {
        return hourStart(now).minusWeeks(settings.windowWeeks() - 1L).toInstant();
    }

    public double ratePerHour(Collection<Instant> incidentTimes, Instant now, double seedRate, Instant observedSince) {
        ZonedDateTime currentHour = hourStart(now);
        double observed = 0;
        double exposure = 0;
        double unobservedExposure = 0;
        for (int weeksAgo = 0; weeksAgo < settings.windowWeeks(); weeksAgo++) {
            Instant start = currentHour.minusWeeks(weeksAgo).toInstant();
            Instant end = start.plus(Duration.ofHours(1));
            double weight = decay(Duration.between(start, now));
            exposure += weight;
            if (end.isBefore(observedSince) || end.equals(observedSince)) {
                unobservedExposure += weight;
            }
            for (Instant reported : incidentTimes) {
                if (!reported.isBefore(start) && reported.isBefore(end)) {
                    observed += decay(Duration.between(reported, now));
                }
            }
        }
        return (observed + seedRate * unobservedExposure) / exposure;
    }

    private double decay(Duration age) {
        double ageMillis = Math.max(0, age.toMillis());
        return Math.pow(2, -ageMillis / settings.halfLife().toMillis());
    }

    private ZonedDateTime hourStart(Instant now) {
        return now.atZone(settings.zone()).truncatedTo(ChronoUnit.HOURS);
    }
}
