package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluelight.metrics.fsu.FsuTotal.Metric;
import org.bluelight.schemas.FsuTally;

/**
 * The ranking runs of the frequent-service-users method and what they publish. A run ages
 * everyone's ledger to the last 12 months, ranks those with activity left, and publishes a tally
 * only when it differs from the last one published for that person in more than its as-of time;
 * a person with no activity left, or not handed to the run at all (every source withdrawn), is
 * withdrawn (a tombstone) if a tally of theirs was published.
 *
 * <p>What was published is remembered since the app started, not stored: after a restart the first
 * run publishes everyone again, which consumers of the compacted topic take as an update.
 */
public final class FsuPublisher {

    /** One record to publish: a person's tally, or a null tally withdrawing them. */
    public record Publication(String personId, FsuTally tally) {
    }

    /** What a run publishes, withdrawals first, and the top lists for the board. */
    public record Published(List<Publication> publications, FsuBoard.Snapshot board) {
    }

    private final ZoneId zone;
    private final FsuRanking.Settings settings;
    private final Map<String, FsuTally> published = new HashMap<>();

    /** @param zone the zone of the 12 calendar months */
    public FsuPublisher(ZoneId zone, FsuRanking.Settings settings) {
        this.zone = zone;
        this.settings = settings;
    }

    /** Starts a run as of {@code asOf}; hand it every person's ledger, then {@link Run#finish()} it. */
    public Run run(Instant asOf) {
        return new Run(asOf);
    }

    /** One ranking run. */
    public final class Run {

        private final Instant asOf;
        private final Instant windowStart;
        private final Map<String, FsuTotals> totals = new HashMap<>();

        private Run(Instant asOf) {
            this.asOf = asOf;
            this.windowStart = PersonLedger.windowStart(asOf, zone);
        }

        /**
         * Ages one person's ledger and takes their totals into the run.
         *
         * @return the ledger to keep ({@code ledger} itself when nothing aged out), or null when
         *         nothing is left and the person is to be forgotten
         */
        public PersonLedger age(String personId, PersonLedger ledger) {
            PersonLedger aged = ledger.agedOut(windowStart);
            if (aged.activities().isEmpty()) {
                return null;
            }
            totals.put(personId, aged.totals(windowStart, asOf));
            return aged;
        }

        /** Takes into the run the totals of a person whose ledger lies wholly in the 12 months ({@link LedgerTotals}). */
        public void count(String personId, FsuTotals personTotals) {
            totals.put(personId, personTotals);
        }

        public Instant asOf() {
            return asOf;
        }

        /** The start of the 12 months ending at {@link #asOf}. */
        public Instant windowStart() {
            return windowStart;
        }

        public Published finish() {
            List<Publication> publications = new ArrayList<>();
            List<String> gone = published.keySet().stream().filter(personId -> !totals.containsKey(personId)).toList();
            gone.forEach(personId -> {
                published.remove(personId);
                publications.add(new Publication(personId, null));
            });
            FsuRanking ranking = FsuRanking.rank(totals, settings);
            totals.forEach((personId, personTotals) -> {
                FsuTally tally = ranking.scoreOf(personId).applyTo(personTotals.toAvro(personId, asOf));
                FsuTally last = published.put(personId, tally);
                if (last == null || !sameExceptAsOf(last, tally)) {
                    publications.add(new Publication(personId, tally));
                }
            });
            return new Published(List.copyOf(publications), board(ranking));
        }

        private FsuBoard.Snapshot board(FsuRanking ranking) {
            Map<Metric, List<FsuBoard.Listed>> top = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                List<FsuBoard.Listed> listed = new ArrayList<>();
                for (FsuRanking.PersonScore score : ranking.top(metric)) {
                    FsuTotals personTotals = totals.get(score.personId());
                    Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
                    values.putAll(personTotals.values());
                    listed.add(new FsuBoard.Listed(score.ranks().get(metric), score.personId(), score.metrics().get(metric),
                            score.metrics(), personTotals.homeArea(), personTotals.themes().stream().sorted().toList(), values));
                }
                top.put(metric, List.copyOf(listed));
            }
            return new FsuBoard.Snapshot(asOf, totals.size(), top);
        }
    }

    private static boolean sameExceptAsOf(FsuTally a, FsuTally b) {
        return FsuTally.newBuilder(a).setAsOf(b.getAsOf()).build().equals(b);
    }
}
