package org.bluelight.simulator.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bluelight.dispatch.availability.Officer;
import org.bluelight.dispatch.candidate.IncidentGrades;
import org.bluelight.dispatch.incident.Incident;

/** The paper's baseline: any available unit of the group, chosen at random. */
public final class RandomPolicy implements BaselinePolicy {

    public static final String NAME = "random";

    private final SplittableRandom random;

    public RandomPolicy(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> choose(Incident incident, List<Officer> officers, Instant now, IncidentGrades grades) {
        List<Officer> available = new ArrayList<>(officers.stream().filter(o -> o.isAvailable() && o.position() != null).toList());
        for (int i = available.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Officer swap = available.get(i);
            available.set(i, available.get(j));
            available.set(j, swap);
        }
        return TeamPicker.pick(incident, available);
    }
}
