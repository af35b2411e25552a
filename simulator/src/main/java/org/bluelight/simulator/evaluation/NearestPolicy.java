package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;

/** What a CAD without routing does: the available unit nearest by straight line. */
public final class NearestPolicy implements BaselinePolicy {

    public static final String NAME = "nearest";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> choose(Incident incident, List<Officer> officers, Instant now, IncidentGrades grades) {
        List<Officer> byDistance = officers.stream().filter(o -> o.isAvailable() && o.position() != null)
                .sorted(Comparator.comparingDouble((Officer o) -> o.position().metersTo(incident.location()))
                        .thenComparing(Officer::id))
                .toList();
        return TeamPicker.pick(incident, byDistance);
    }
}
