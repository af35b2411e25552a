package org.bluelight.metrics.fsu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bluelight.schemas.FsuTally;
import org.bluelight.schemas.SafeguardingTheme;

/** One person's nine totals over the window, with the home area and themes used for filtering. */
public record FsuTotals(Map<FsuTotal, Double> values, String homeArea, Set<SafeguardingTheme> themes) {

    public FsuTotals {
        Map<FsuTotal, Double> all = new EnumMap<>(FsuTotal.class);
        for (FsuTotal total : FsuTotal.values()) {
            all.put(total, values.getOrDefault(total, 0.0));
        }
        values = Map.copyOf(all);
        themes = Set.copyOf(themes);
    }

    public double value(FsuTotal total) {
        return values.get(total);
    }

    /** The published tally, without metrics or ranks (those come from a ranking run). */
    public FsuTally toAvro(String personId, Instant asOf) {
        List<SafeguardingTheme> themeList = new ArrayList<>(themes);
        themeList.sort(null);
        return FsuTally.newBuilder()
                .setPersonId(personId)
                .setAsOf(asOf)
                .setHomeArea(homeArea)
                .setThemes(themeList)
                .setSuspectCount((int) value(FsuTotal.SUSPECT_COUNT))
                .setOffenderCount((int) value(FsuTotal.OFFENDER_COUNT))
                .setVictimCount((int) value(FsuTotal.VICTIM_COUNT))
                .setCustodyCount((int) value(FsuTotal.CUSTODY_COUNT))
                .setCustodyHours(value(FsuTotal.CUSTODY_HOURS))
                .setCallsAsOriginator((int) value(FsuTotal.ORIGINATOR_CALLS))
                .setOriginatorResourceHours(value(FsuTotal.ORIGINATOR_RESOURCE_HOURS))
                .setCallsAsSubject((int) value(FsuTotal.SUBJECT_CALLS))
                .setSubjectResourceHours(value(FsuTotal.SUBJECT_RESOURCE_HOURS))
                .build();
    }

    public static FsuTotals of(FsuTally tally) {
        Map<FsuTotal, Double> values = new EnumMap<>(FsuTotal.class);
        values.put(FsuTotal.SUSPECT_COUNT, (double) tally.getSuspectCount());
        values.put(FsuTotal.OFFENDER_COUNT, (double) tally.getOffenderCount());
        values.put(FsuTotal.VICTIM_COUNT, (double) tally.getVictimCount());
        values.put(FsuTotal.CUSTODY_COUNT, (double) tally.getCustodyCount());
        values.put(FsuTotal.CUSTODY_HOURS, tally.getCustodyHours());
        values.put(FsuTotal.ORIGINATOR_CALLS, (double) tally.getCallsAsOriginator());
        values.put(FsuTotal.ORIGINATOR_RESOURCE_HOURS, tally.getOriginatorResourceHours());
        values.put(FsuTotal.SUBJECT_CALLS, (double) tally.getCallsAsSubject());
        values.put(FsuTotal.SUBJECT_RESOURCE_HOURS, tally.getSubjectResourceHours());
        return new FsuTotals(values, tally.getHomeArea(), Set.copyOf(tally.getThemes()));
    }
}
